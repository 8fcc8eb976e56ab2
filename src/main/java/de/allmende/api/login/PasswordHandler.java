package de.allmende.api.login;

import de.allmende.domain.ValidationException;
import de.allmende.domain.people.Person;
import de.allmende.route.Route;
import de.allmende.service.people.Passwords;
import de.allmende.service.people.PersonService;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /auth/password?token=…}: where a person opens the one-time link the CLI printed and chooses a
 * password. The link is used up when the password is saved; a used or expired one says so.
 */
public final class PasswordHandler {
    private final PersonService people;
    private final AccountPages pages;
    private final BrowserCookies cookies;

    public PasswordHandler(PersonService people, AccountPages pages, BrowserCookies cookies) {
        this.people = people;
        this.pages = pages;
        this.cookies = cookies;
    }

    public void show(RoutingContext ctx) {
        AccountPages.Page page = pages.page(ctx);
        String token = ctx.request().getParam("token");
        Optional<Person> holder = people.linkHolder(token);
        if (holder.isEmpty()) {
            page.message(ctx, 410, "password.title", page.text("password.invalidLink"), null);
            return;
        }
        form(ctx, page, 200, holder.get(), token, null);
    }

    public void submit(RoutingContext ctx) {
        AccountPages.Page page = pages.page(ctx);
        var form = ctx.request().formAttributes();
        if (!cookies.csrfMatches(ctx, form.get("csrf"))) {
            page.message(ctx, 403, "error.title", page.text("error.csrf"), null);
            return;
        }
        String token = form.get("token");
        Optional<Person> holder = people.linkHolder(token);
        if (holder.isEmpty()) {
            page.message(ctx, 410, "password.title", page.text("password.invalidLink"), null);
            return;
        }
        String password = form.get("password");
        if (password == null || !password.equals(form.get("repeat"))) {
            form(ctx, page, 400, holder.get(), token, page.text("password.mismatch"));
            return;
        }
        try {
            if (people.choosePassword(token, password).isEmpty()) {
                page.message(ctx, 410, "password.title", page.text("password.invalidLink"), null);
                return;
            }
        } catch (ValidationException e) {
            form(ctx, page, 400, holder.get(), token, page.text("password.tooShort", Passwords.MIN_LENGTH));
            return;
        }
        page.message(ctx, 200, "password.title", null, page.text("password.done"));
    }

    private void form(RoutingContext ctx, AccountPages.Page page, int status, Person person, String token, String message) {
        page.render(ctx, status, "accounts/password", "password.title", message, Map.of(
                "intro", page.text("password.intro", person.username(), Passwords.MIN_LENGTH),
                "action", Route.PASSWORD_FORM.path(),
                "username", person.username(),
                "minLength", Passwords.MIN_LENGTH,
                "hidden", List.of(new AccountPages.Field("csrf", cookies.csrfToken(ctx)), new AccountPages.Field("token", token))));
    }
}
