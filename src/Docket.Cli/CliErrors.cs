using Docket.Store;

namespace Docket.Cli;

/// <summary>Turns a failure into the one line a person reads on the terminal.</summary>
internal static class CliErrors
{
    public static string Describe(Exception ex) => DatabaseErrors.Describe(ex) ?? ex switch
    {
        CliFailure => ex.Message,
        // The message without .NET's " (Parameter 'x')" suffix, which means nothing to a person.
        ArgumentException { ParamName: { } name } argument => argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal),
        FormatException or ArgumentException or InvalidOperationException or DirectoryNotFoundException or IOException => ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>
    /// Folds a message onto one line: the contract is one line on standard error, and some
    /// messages (System.CommandLine's list of allowed values, for one) come on several.
    /// </summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
