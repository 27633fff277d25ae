#!/usr/bin/env python3
"""Reference Keras 3 training script for a Matcher ranking model (not run in CI).

It reads a features CSV exported from an outcomes file, trains a small MLP that maps the
`matcher-features/1` vector (docs/learned-rankers.md) to the probability that a student applies
to a call, and saves:

  ranker.keras                 the model (Keras 3 zip; Matcher.Keras loads it natively)
  ranker.keras.features.json   the feature-spec version the model expects
  ranker.keras.tests.json      test vectors (model.predict on held-out rows), checked by
                               Matcher.Keras when it loads the model

Input: a CSV with columns `group,label,<the 25 feature names>` (one row per student x call
candidate; label = graded relevance 0-3 as in docs/outcomes.md). Produce it from an outcomes
file with `matcher outcomes features --outcomes outcomes.csv --out features.csv`, which computes
the features with the same .NET code the rankers use (the training split only).

Usage:
  python3 tools/train_keras_ranker.py features.csv ranker.keras [--epochs 30] [--seed 2026]

Requires: keras>=3, numpy, and a backend (jax, tensorflow or torch).
"""
import argparse
import csv
import json

import numpy as np

FEATURES = [
    "need", "merit", "fit", "value", "urgency", "priority",
    "eligible", "missingFacts",
    "sisfohExtremePoor", "sisfohPoor", "sisfohKnown",
    "districtPoverty", "altitudeKm",
    "callIsRegional", "distanceToCallRegion1000Km",
    "priorityConditions", "nativeLanguage", "publicSchool", "gradeAverage",
    "coverageFull", "coverageBreadth", "vacancies",
    "callStatus", "hasPriorityRubric", "studyAbroad",
]
VERSION = "matcher-features/1"


def read(path):
    groups, labels, rows = [], [], []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ["group", "label", *FEATURES] if c not in reader.fieldnames]
        if missing:
            raise SystemExit(f"{path}: missing columns {missing}")
        for line, row in enumerate(reader, start=2):
            try:
                groups.append(row["group"])
                labels.append(float(row["label"]))
                rows.append([float(row[c]) for c in FEATURES])
            except ValueError as e:
                raise SystemExit(f"{path}:{line}: {e}")
    return np.array(groups), np.array(labels, dtype="float32"), np.array(rows, dtype="float32")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("features_csv")
    parser.add_argument("out")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    import keras  # imported late so that --help works without Keras

    keras.utils.set_random_seed(args.seed)
    groups, labels, x = read(args.features_csv)
    y = (labels > 0).astype("float32")

    # Hold out a fifth of the groups (students) for the test vectors and a sanity metric.
    rng = np.random.default_rng(args.seed)
    unique = np.unique(groups)
    held = set(rng.choice(unique, size=max(1, len(unique) // 5), replace=False))
    test = np.array([g in held for g in groups])

    # Only layers Matcher.Keras supports (docs/learned-rankers.md): no Lambda, no custom layers.
    inputs = keras.Input(shape=(len(FEATURES),), name="features")
    h = keras.layers.Dense(32, activation="relu", name="hidden1")(inputs)
    h = keras.layers.Dropout(0.1, name="drop")(h)
    h = keras.layers.Dense(16, activation="gelu", name="hidden2")(h)
    score = keras.layers.Dense(1, activation="sigmoid", name="score")(h)
    model = keras.Model(inputs, score, name="matcher_ranker")
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
    model.fit(x[~test], y[~test], epochs=args.epochs, batch_size=256, verbose=2)
    model.save(args.out)

    with open(args.out + ".features.json", "w", encoding="utf-8") as f:
        json.dump({"version": VERSION, "names": FEATURES}, f)

    sample = x[test][:16]
    with open(args.out + ".tests.json", "w", encoding="utf-8") as f:
        json.dump({
            "keras_version": keras.__version__,
            "inputs": sample.tolist(),
            "outputs": model.predict(sample, verbose=0).tolist(),
            "atol": 1e-5,
        }, f)
    print(f"saved {args.out} (+ .features.json, .tests.json)")


if __name__ == "__main__":
    main()
