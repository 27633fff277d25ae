namespace Matcher.Keras;

/// <summary>How a Keras model was stored; detected from the file's first bytes, never from its name.</summary>
public enum KerasFileFormat
{
    /// <summary>A Keras 3 <c>.keras</c> zip: <c>config.json</c>, <c>metadata.json</c>, <c>model.weights.h5</c>.</summary>
    KerasZip,

    /// <summary>A legacy HDF5 full-model file (<c>model.save("m.h5")</c>): config in the <c>model_config</c> attribute.</summary>
    LegacyHdf5,

    /// <summary>A model config (<c>model.to_json()</c>) with a weights-only HDF5 file (<c>model.save_weights()</c>).</summary>
    JsonWithWeights,
}
