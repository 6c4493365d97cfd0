namespace Docket.Cli;

/// <summary>
/// Reports progress on the caller's thread, at once. <see cref="Progress{T}"/> posts to the
/// thread pool, so a progress bar driven by it lags and can update after the work has ended.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
