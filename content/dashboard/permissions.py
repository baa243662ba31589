"""Who may use each part of the content section: staff, or users holding content permissions."""

from content.kinds import ContentKind

STAFF = ["is_staff"]

#: Enough to be sent to the content section from the dashboard's front page.
CONTENT_EDITOR = ["content.view_article"]

#: An Oscar permission rule: staff, or a user holding every one of the listed permissions.
Rule = tuple[list[str], list[str]]


def staff_or(*permissions: str) -> Rule:
    """Return an Oscar permission rule: staff, or a user holding every one of ``permissions``."""
    return (STAFF, list(permissions))


def page_permissions(kind: ContentKind, views) -> dict[str, Rule]:
    """Return the rule of each of ``views`` for pages of ``kind``, by URL name.

    Each view names the actions on the kind's pages it needs (``needs``) and any other
    permissions (``also_needs``); see ``content.dashboard.page_views``.
    """
    return {
        kind.url_name(view.verb): staff_or(
            *(kind.permission(action) for action in view.needs), *view.also_needs
        )
        for view in views
    }


def page_write_permissions(kind: ContentKind, views) -> dict[str, list[str]]:
    """Return what a POST to each of ``views`` that writes needs for pages of ``kind``."""
    return {
        kind.url_name(view.verb): [kind.permission(action) for action in view.writes_need]
        for view in views
        if view.writes_need
    }
