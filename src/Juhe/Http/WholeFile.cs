namespace Juhe.Http;

/// <summary>
/// Writes a file whole or not at all: the bytes go to <c>path.part</c>, which replaces the file at
/// <c>path</c> only once every byte is written, and is deleted if the writing fails or is cancelled.
/// </summary>
internal static class WholeFile
{
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string partial = full + ".part";
        try
        {
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, full, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
