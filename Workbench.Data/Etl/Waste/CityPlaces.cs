namespace Workbench.Data.Etl.Waste;

/// <summary>One 町丁 of the master with its 中学校区 and 地域.</summary>
internal sealed record PlaceRow(string ChomeCode, string ChomeName, string DistrictCode, string DistrictName, string AreaCode, string AreaName);

/// <summary>
/// The 町丁 master (dim_district) for resolving places that files name by code or by name. 町丁 names are not unique
/// (市場 appears four times): a name resolves only when it is unique within the given area, or in the city.
/// </summary>
internal sealed class CityPlaces
{
    private readonly Dictionary<string, PlaceRow> byCode;
    private readonly ILookup<string, PlaceRow> byName;
    private readonly Dictionary<string, string> districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> areas = new(StringComparer.Ordinal);

    private CityPlaces(IEnumerable<PlaceRow> rows)
    {
        var list = rows.ToList();
        byCode = list.ToDictionary(r => r.ChomeCode, StringComparer.Ordinal);
        byName = list.ToLookup(r => r.ChomeName, StringComparer.Ordinal);
        foreach (var r in list)
        {
            districts[r.DistrictCode] = r.DistrictCode;
            districts[r.DistrictName] = r.DistrictCode;
            areas[r.AreaCode] = r.AreaCode;
            areas[r.AreaName] = r.AreaCode;
        }
    }

    public bool IsEmpty => byCode.Count == 0;

    public static async Task<CityPlaces> LoadAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var places = new CityPlaces(await context.QueryAsync<PlaceRow>("etl/transit_waste_places", null, cancellationToken));
        if (places.IsEmpty)
        {
            throw new EtlFileException("町丁・地区のマスタ（districts）がまだ取り込まれていません。先に districts を取り込んでください。");
        }

        return places;
    }

    /// <summary>A 中学校区 by its code or name (<c>jhs-kume</c> or <c>久米中学校区</c>).</summary>
    public string? District(string? codeOrName) => codeOrName is not null && districts.TryGetValue(codeOrName, out var code) ? code : null;

    /// <summary>A 地域 by its code or name (<c>kume</c> or <c>久米</c>).</summary>
    public string? Area(string? codeOrName) => codeOrName is not null && areas.TryGetValue(codeOrName, out var code) ? code : null;

    /// <summary>A 町丁 by its code, or by a name unique among those that <paramref name="within"/> accepts (else in the city).</summary>
    public PlaceRow? Chome(string? codeOrName, Func<PlaceRow, bool>? within = null)
    {
        if (codeOrName is null)
        {
            return null;
        }

        if (byCode.TryGetValue(codeOrName, out var row))
        {
            return row;
        }

        var named = byName[codeOrName].ToList();
        if (within is not null && named.Count > 1)
        {
            named = [.. named.Where(within)];
        }

        return named.Count == 1 ? named[0] : null;
    }
}
