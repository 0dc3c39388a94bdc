using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Relief.Identity;

namespace Relief.Functions.Identity;

/// <summary>Registers bearer-token validation from <see cref="SignInOptions"/> (the middleware is added by Program.cs).</summary>
public static class SignInSetup
{
    /// <summary>Adds the JWT bearer scheme; throws naming the setting when the options are incomplete (the worker does not start).</summary>
    public static IServiceCollection AddReliefSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        options.Validate();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false; // read "sub", "roles", "area" as issued
            jwt.Audience = options.Audience;
            jwt.TokenValidationParameters.ValidAudience = options.Audience;
            jwt.TokenValidationParameters.RoleClaimType = ReliefClaims.Roles;
            jwt.TokenValidationParameters.NameClaimType = ReliefClaims.Subject;
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
            var issuers = options.Issuers();
            if (options.Authority is { Length: > 0 } authority)
            {
                jwt.Authority = authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                if (issuers.Count > 0) jwt.TokenValidationParameters.ValidIssuers = issuers;
            }
            else
            {
                string path = Path.IsPathRooted(options.DevelopmentKeyFile!) ? options.DevelopmentKeyFile! : Path.Combine(AppContext.BaseDirectory, options.DevelopmentKeyFile!);
                SecurityKey key = DevelopmentSigningKey.LoadOrCreate(path);
                jwt.TokenValidationParameters.IssuerSigningKey = key;
                jwt.TokenValidationParameters.ValidIssuers = issuers.Count > 0 ? issuers : [DevelopmentSigningKey.Issuer];
            }
        });
        return services;
    }
}
