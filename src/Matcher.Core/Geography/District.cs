namespace Matcher.Geography;

/// <summary>One district of the INEI 2025 directory with the statistics joined from the 2021 augmented file.</summary>
/// <param name="Ubigeo">INEI code.</param>
/// <param name="ReniecCode">RENIEC code (six digits), when known.</param>
/// <param name="Department">Department name.</param>
/// <param name="Province">Province name.</param>
/// <param name="Name">District name.</param>
/// <param name="AltitudeMeters">Altitude of the district capital, metres above sea level.</param>
/// <param name="Latitude">Latitude of the capital, decimal degrees.</param>
/// <param name="Longitude">Longitude of the capital, decimal degrees.</param>
/// <param name="Population">Population as printed in the INEI 2025 directory.</param>
/// <param name="PovertyPercent">Monetary poverty, % of the population (INEI district map 2018), when known.</param>
/// <param name="ExtremePovertyPercent">Extreme poverty, % (INEI district map 2013), when known.</param>
/// <param name="HumanDevelopmentIndex">PNUD Human Development Index 2019 (0–1), when known.</param>
public sealed record District(
    Ubigeo Ubigeo,
    string? ReniecCode,
    string Department,
    string Province,
    string Name,
    double AltitudeMeters,
    double Latitude,
    double Longitude,
    int Population,
    double? PovertyPercent,
    double? ExtremePovertyPercent,
    double? HumanDevelopmentIndex);
