"""A script on Mastodon.py (Debian's python3-mastodon) logs in to a node and reads what an app reads.

It registers an app, prints the authorize URL (with a PKCE S256 challenge) as one JSON line and reads the code
the person got through the node's login and consent pages from standard input. Then it exchanges the code for a
token, reads its account, the instance, the home and public timelines (the next page by the Link header), a
status with its thread and an account by its handle, and prints one JSON line with what it saw.

    /usr/bin/python3 session.py http://127.0.0.1:<port> <acct to look up> [<image to post>]

With an image it then also writes as an app does (the write path): uploads the image with a description, posts a
status with it, replies to that, favourites and boosts it, and posts a poll; the JSON line says what came back.

Mastodon.py 1.8 (Debian 12) predates PKCE: the challenge is added to the URL it builds, and the verifier to its
token request through the requests session it is given, so the rest of the login is Mastodon.py's own.
"""
import base64
import hashlib
import json
import secrets
import sys

import requests
from mastodon import Mastodon

REDIRECT = "http://127.0.0.1:9/callback"
SCOPES = ["read", "write", "follow"]
url, acct = sys.argv[1], sys.argv[2]
image = sys.argv[3] if len(sys.argv) > 3 else None
verifier = secrets.token_urlsafe(48)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode("ascii")


class WithVerifier(requests.Session):
    """Adds the PKCE verifier to the code exchange, the one request Mastodon.py 1.8 cannot send it with."""

    def request(self, method, target, *args, **kwargs):
        if method == "POST" and target.endswith("/oauth/token") and isinstance(kwargs.get("data"), dict):
            kwargs["data"] = dict(kwargs["data"], code_verifier=verifier)
        return super().request(method, target, *args, **kwargs)


client_id, client_secret = Mastodon.create_app("Mastodon.py interop", scopes=SCOPES, redirect_uris=REDIRECT,
                                               website="https://github.com/halcy/Mastodon.py", api_base_url=url)
api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=url, session=WithVerifier(),
               ratelimit_method="throw", request_timeout=20)
state = secrets.token_urlsafe(16)
authorize = api.auth_request_url(redirect_uris=REDIRECT, scopes=SCOPES, state=state, lang="de")
authorize += "&code_challenge=" + challenge + "&code_challenge_method=S256"
print(json.dumps({"authorize": authorize, "version": "%d.%d.%d" % (api.mastodon_major, api.mastodon_minor, api.mastodon_patch)}), flush=True)

code = sys.stdin.readline().strip()
api.log_in(code=code, redirect_uri=REDIRECT, scopes=SCOPES)

me = api.account_verify_credentials()
instance = api.instance()
home = api.timeline_home(limit=2)
older = api.fetch_next(home)
public = api.timeline_public(local=True)
status = api.status(home[0]["id"])
context = api.status_context(home[0]["id"])
other = api.account_lookup(acct)
own_statuses = api.account_statuses(me["id"], exclude_reblogs=True)

written = None
if image:
    media = api.media_post(image, mime_type="image/png", description="Lageplan des Spielplatzes")
    post = api.status_post("Der Spielplatz wird eröffnet.", media_ids=[media["id"]], language="de")
    reply = api.status_reply(post, "Am Samstag um 11 Uhr.")
    favourited = api.status_favourite(post["id"])
    boosted = api.status_reblog(post["id"])
    poll = api.status_post("Welcher Name passt?", poll=api.make_poll(["Sonnenwiese", "Kastanienhof"], expires_in=86400))
    written = {
        "media": {"id": str(media["id"]), "type": media["type"], "description": media["description"]},
        "post": {"id": str(post["id"]), "attachments": len(post["media_attachments"]), "visibility": post["visibility"]},
        "reply": {"id": str(reply["id"]), "in_reply_to_id": str(reply["in_reply_to_id"])},
        "favourited": favourited["favourited"],
        "boost": {"reblogged": boosted["reblogged"], "of": str(boosted["reblog"]["id"]) if boosted.get("reblog") else None},
        "poll": {"id": str(poll["id"]), "options": [o["title"] for o in poll["poll"]["options"]]},
    }

print(json.dumps({
    "written": written,
    "me": {"id": str(me["id"]), "acct": me["acct"], "display_name": me["display_name"], "privacy": me["source"]["privacy"]},
    "instance": {"uri": instance["uri"], "version": instance["version"], "streaming": instance["urls"]["streaming_api"]},
    "home": [str(s["id"]) for s in home],
    "older": [str(s["id"]) for s in (older or [])],
    "public": [str(s["id"]) for s in public],
    "status": {"id": str(status["id"]), "content": status["content"], "acct": status["account"]["acct"]},
    "context": {"ancestors": len(context["ancestors"]), "descendants": len(context["descendants"])},
    "other": {"id": str(other["id"]), "acct": other["acct"]},
    "own": [str(s["id"]) for s in own_statuses],
}), flush=True)
