using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Web.Security;

namespace ObligationTracker.Cli.Web.Pages.Account;

/// <summary>The sign-in form (GET) and its post (POST /account/login, anti-forgery checked): a cookie on success, the form again on failure.</summary>
public sealed class LoginModel : PageModel
{
    public string? ReturnUrl { get; private set; }

    public string? Name { get; private set; }

    public string? Error { get; private set; }

    /// <summary>A fresh install: nobody can sign in until `ot user add` has made a user.</summary>
    public bool NoUsers { get; private set; }

    private StorePool Stores => HttpContext.RequestServices.GetRequiredService<StorePool>();

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        NoUsers = Stores.Use(s => s.Users.Count()) == 0;
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        Name = name;
        var user = string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password) ? null : Stores.Use(s => SignIn(s, name, password));
        if (user is null)
        {
            NoUsers = Stores.Use(s => s.Users.Count()) == 0;
            Error = "用户名或密码错误。Wrong name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private static Storage.Users.StoredUser? SignIn(Stores stores, string name, string password)
    {
        var user = stores.Users.Find(name);
        var verdict = Passwords.Verify(user, password);
        if (verdict == PasswordVerificationResult.Failed) return null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) stores.Users.SetPasswordHash(user!.Name, Passwords.Hash(password));
        return user;
    }
}
