namespace Docket.Testing;

/// <summary>Removes a test's private temp folder with everything in it.</summary>
internal static class TempFolder
{
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone (a test removed it): nothing to clean.
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's own cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise (Windows refuses to delete an open file).
        }
    }
}
