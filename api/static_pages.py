"""Serving a single-page app from ``api/static/<name>/``: its page and a fixed list of assets.

Only the files named in a page's ``assets`` are served, so no path from the URL ever reaches
the file system. An asset name may hold a subfolder (``js/main.js``: the page's ES modules), so
the asset routes take ``{name:path}``; the name must still equal one on the list exactly.
Everything a page needs comes from this origin: no inline script, no CDN.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, status
from fastapi.responses import FileResponse

STATIC_ROOT = Path(__file__).resolve().parent / "static"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
ASSET_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}
MEDIA_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


def modules(*names: str) -> frozenset[str]:
    """The asset names of a page's ES modules, kept in its ``js/`` folder."""
    return frozenset(f"js/{name}.js" for name in names)


@dataclass(frozen=True)
class StaticPage:
    folder: str  # under api/static/
    assets: frozenset[str]

    @property
    def directory(self) -> Path:
        return STATIC_ROOT / self.folder

    def page(self) -> FileResponse:
        return FileResponse(self.directory / "index.html", media_type="text/html; charset=utf-8",
                            headers=PAGE_HEADERS)

    def asset(self, name: str) -> FileResponse:
        if name not in self.assets:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "not found")
        return FileResponse(self.directory / name, media_type=MEDIA_TYPES[Path(name).suffix],
                            headers=ASSET_HEADERS)
