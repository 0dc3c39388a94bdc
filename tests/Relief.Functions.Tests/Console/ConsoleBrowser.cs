using Microsoft.Playwright;
using Relief.Testing;

namespace Relief.Functions.Tests.Console;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, installed by <c>scripts/test.sh</c>) driven by Playwright, headless,
/// with the flags this machine's closed network needs; screenshots go to <c>artifacts/test-results/screenshots</c>.
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    /// <summary>Where Debian installs chromium (override with <c>RELIEF_CHROMIUM</c>).</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("RELIEF_CHROMIUM") ?? "/usr/bin/chromium";

    public static string ScreenshotFolder => Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "screenshots");

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"Chromium is not installed at {ExecutablePath}: run scripts/test.sh (it installs Debian's chromium package).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A new page (its own session: its own token) at the console's address, 1280×800 unless told.</summary>
    public async Task<IPage> OpenAsync(Uri baseAddress, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>Signs in on the console's form with <paramref name="token"/>, by keyboard as a user would.</summary>
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GetByLabel("访问令牌").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("#nav").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
