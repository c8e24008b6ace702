using Juhe.Gateway.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Juhe.Gateway.Serving;

/// <summary>Builds the ASP.NET Core application: the slim builder, Kestrel, and the dispatcher as its only endpoint.</summary>
internal static class GatewayHost
{
    private static readonly Lazy<OperationCatalog> EmbeddedCatalog =
        new(() => OperationCatalog.Build(SchemaSet.LoadEmbedded(typeof(GatewayHost).Assembly)));

    /// <summary>The operations of the schema files embedded in this assembly, read once.</summary>
    public static OperationCatalog Catalog => EmbeddedCatalog.Value;

    /// <summary>
    /// Builds the application. With <paramref name="args"/>, the standard switches (<c>--urls</c>) apply and
    /// take precedence over <see cref="JuheGatewayOptions.Url"/>.
    /// </summary>
    public static (WebApplication App, GatewayDispatcher Dispatcher) Build(JuheGatewayOptions options, string[] args)
    {
        OperationCatalog catalog = options.AdditionalSchemas.Count == 0 ? Catalog : BuildWith(options);

        // Slim builder: no MVC, no reflection-based binding; one RequestDelegate serves every route.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(options.Url);
        }

        if (!options.EnableConsoleLogging)
        {
            builder.Logging.ClearProviders();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // large multipart uploads are part of what is rehearsed
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = long.MaxValue);

        WebApplication app = builder.Build();
        var dispatcher = new GatewayDispatcher(catalog, options);
        app.Run(dispatcher.HandleAsync);
        return (app, dispatcher);
    }

    private static OperationCatalog BuildWith(JuheGatewayOptions options)
    {
        try
        {
            return OperationCatalog.Build(Catalog.Schemas.With(options.AdditionalSchemas));
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException($"JuheGatewayOptions.AdditionalSchemas: {e.Message}", nameof(options), e);
        }
    }

    /// <summary>The first address the server listens on, with the port the OS picked.</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        IServer server = app.Services.GetRequiredService<IServer>();
        string? address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            throw new InvalidOperationException("The gateway started but reports no address it listens on.");
        }

        // Kestrel reports wildcard hosts as-is; a client must be given something it can connect to.
        address = address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
