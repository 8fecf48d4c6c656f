namespace Workbench.Data.Etl.Transit;

/// <summary>What the warehouse knows of one loaded GTFS feed, to check boardings against: its trips (with routes), stops and routes.</summary>
internal sealed class TransitFeedIndex
{
    private TransitFeedIndex(string feedKey, Dictionary<string, string> tripRoutes, HashSet<string> stops, HashSet<string> routes)
    {
        FeedKey = feedKey;
        TripRoutes = tripRoutes;
        Stops = stops;
        Routes = routes;
    }

    public string FeedKey { get; }

    /// <summary>trip_id → route_key.</summary>
    public Dictionary<string, string> TripRoutes { get; }

    public HashSet<string> Stops { get; }

    public HashSet<string> Routes { get; }

    /// <summary>False when no feed of this key has been imported: nothing to check against.</summary>
    public bool IsLoaded => Stops.Count > 0;

    public static async Task<TransitFeedIndex> LoadAsync(ImportContext context, string feedKey, CancellationToken cancellationToken)
    {
        var parameters = new { feed_key = feedKey };
        var trips = (await context.QueryAsync<(string Id, string RouteKey)>("etl/transit_feed_trips", parameters, cancellationToken))
            .ToDictionary(t => t.Id, t => t.RouteKey, StringComparer.Ordinal);
        var stops = (await context.QueryAsync<string>("etl/transit_feed_stops", parameters, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var routes = (await context.QueryAsync<string>("etl/transit_feed_routes", parameters, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new TransitFeedIndex(feedKey, trips, stops, routes);
    }
}
