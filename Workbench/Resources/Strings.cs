namespace Workbench.Resources;

/// <summary>
/// The UI's words. <c>Strings.resx</c> holds Japanese, the neutral language; <c>Strings.en.resx</c> holds English.
/// </summary>
public sealed class Strings;
