using Workbench.Domain.Access;

namespace Workbench.Shared.Export;

/// <summary>
/// The download request an export runs in: the caller signed in on <em>that</em> request (never one remembered with the
/// token), its services, and its cancellation (the browser went away).
/// </summary>
public sealed record ExportContext(Caller Caller, IServiceProvider Services, CancellationToken CancellationToken);
