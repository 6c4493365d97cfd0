using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Docket.Web.Pages;

/// <summary>
/// The stylesheets, scripts, fonts and images of the staff pages, read from the resources
/// embedded in this assembly (<c>Assets/</c>), so the program serves them from wherever it
/// runs. A path <c>/uswds/css/uswds.min.css</c> is the resource <c>assets/uswds/css/uswds.min.css</c>.
/// </summary>
public sealed class EmbeddedAssets : IFileProvider
{
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;
    private static readonly HashSet<string> Names = [.. Assembly.GetManifestResourceNames()];
    private static readonly DateTimeOffset Built = File.GetLastWriteTimeUtc(Assembly.Location);

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = "assets/" + subpath.TrimStart('/');
        return Names.Contains(name) ? new Resource(name) : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Resource(string name) : IFileInfo
    {
        public bool Exists => true;

        public long Length { get; } = Open(name).Length;

        public string? PhysicalPath => null;

        public string Name => Path.GetFileName(name);

        public DateTimeOffset LastModified => Built;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => Open(name);

        private static Stream Open(string name) => Assembly.GetManifestResourceStream(name)!;
    }
}
