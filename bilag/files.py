"""Serving stored PDFs: inline, with conditional GET and byte ranges.

A PDF viewer asks for byte ranges so that page 300 of a large report opens without the whole
file. In production nginx can serve the bytes instead (X-Accel-Redirect).
"""

import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def requested_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(start, end) inclusive; None for no usable range (send all); False if unsatisfiable."""
    match = RANGE.match(header.strip()) if header else None
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        return False
    return start, end


def serve_pdf(request, file_field, *, filename: str, etag: str, last_modified) -> HttpResponse:
    if not file_field:
        raise Http404(_("Bilaget har ingen fil."))
    etag = f'"{etag}"'
    headers = {
        "Content-Disposition": content_disposition_header(False, filename),
        "Accept-Ranges": "bytes",
        "Cache-Control": "public, max-age=3600",
        "X-Content-Type-Options": "nosniff",
    }
    unchanged = get_conditional_response(
        request, etag=etag, last_modified=last_modified.timestamp()
    )
    if unchanged is not None:
        for name, value in headers.items():
            unchanged[name] = value
        unchanged["ETag"] = etag
        return unchanged

    if settings.BAGGRUND_ACCEL_REDIRECT:
        response = HttpResponse(content_type="application/pdf", headers=headers)
        response["X-Accel-Redirect"] = f"{settings.BAGGRUND_ACCEL_PREFIX}{file_field.name}"
        response["ETag"] = etag
        return response

    try:
        handle = file_field.open("rb")
        size = file_field.size
    except FileNotFoundError:
        raise Http404(_("Bilagets fil mangler på serveren.")) from None

    byte_range = None
    if_range = request.headers.get("If-Range")
    if if_range is None or if_range == etag:
        byte_range = requested_range(request.headers.get("Range", ""), size)
    if byte_range is False:
        handle.close()
        response = HttpResponse(status=416, headers=headers)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if byte_range is None:
        response = FileResponse(
            handle, content_type="application/pdf", headers=headers, filename=filename
        )
    else:
        start, end = byte_range
        handle.seek(start)
        response = FileResponse(
            ChunkedSlice(handle, end - start + 1),
            status=206,
            content_type="application/pdf",
            headers=headers,
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["ETag"] = etag
    response["Last-Modified"] = last_modified.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return response


class ChunkedSlice:
    """Read at most `remaining` bytes of an open file, in chunks, then close it."""

    def __init__(self, handle, remaining: int, chunk: int = 64 * 1024):
        self.handle, self.remaining, self.chunk = handle, remaining, chunk

    def __iter__(self):
        try:
            while self.remaining > 0:
                data = self.handle.read(min(self.chunk, self.remaining))
                if not data:
                    break
                self.remaining -= len(data)
                yield data
        finally:
            self.handle.close()
