"""Who may use each part of the content section: staff, or users holding content permissions."""

STAFF = ["is_staff"]

#: Enough to be sent to the content section from the dashboard's front page.
CONTENT_EDITOR = ["content.view_article"]


def staff_or(*codenames: str) -> tuple[list[str], list[str]]:
    """Return an Oscar permission rule: staff, or a user holding every content ``codenames``."""
    return (STAFF, [f"content.{codename}" for codename in codenames])


def page_permissions(url_slug: str, model_name: str) -> dict[str, tuple[list[str], list[str]]]:
    """Return the permission rule of every view of one kind of page, by URL name."""
    view, change = f"view_{model_name}", f"change_{model_name}"
    publish = f"publish_{model_name}"
    rules = {
        "list": staff_or(view),
        "create": staff_or(view, f"add_{model_name}"),
        "update": staff_or(view, change),
        "preview": staff_or(view),
        "preview-link": staff_or(view, change),
        "submit": staff_or(view, change),
        "publish": staff_or(view, publish),
        "unpublish": staff_or(view, publish),
        "revision-list": staff_or(view, "view_revision"),
        "revision-restore": staff_or(view, change, "view_revision"),
    }
    return {f"content-{url_slug}-{verb}": rule for verb, rule in rules.items()}
