namespace Docket.Store.Users;

/// <summary>A person who may call the API. Only the SHA-256 of their token is kept.</summary>
public sealed class UserRow
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    public string? Office { get; set; }

    /// <summary>An attorney's bar number: it links them to the cases where they are attorney of record.</summary>
    public string? BarNumber { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
