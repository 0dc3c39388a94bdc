namespace Relief.Domain.Validation;

/// <summary>A rejected input: the field it concerns and why (字段校验错误).</summary>
/// <param name="Field">The field name, e.g. <c>residentId</c>.</param>
/// <param name="Message">What is wrong, naming the field.</param>
public sealed record ValidationError(string Field, string Message);
