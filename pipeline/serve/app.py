"""The web application: routes, the read-only store, and the guard in front of them.

Why server-rendered HTML: every page is a plain document a browser (or a PDF
printer, or a screen reader) shows without scripts; the little JavaScript there
is only sorts comparison tables. Why read-only: the server opens the store with
SQLite's ``mode=ro``, so no request can change stored data; only GET and HEAD are
answered. Why a token: on 127.0.0.1 (the default) only this machine reaches the
server; bound anywhere else, every request must carry the token (``?token=``
once, which sets a cookie, or ``Authorization: Bearer …``).
"""

from __future__ import annotations

import hashlib
import hmac
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from gongwen import kinds
from gongwen.extractors.figures_kind import figure_label
from gongwen.query import QueryError
from gongwen.serve.marking import marked_kinds, segments
from gongwen.store import DocumentFilter, Store

HERE = Path(__file__).parent
#: Hits per search page.
PAGE_SIZE = 20
#: Genre names as the pages show them.
DOC_TYPES: dict[str, str] = {
    "work_rules": "工作规则", "duty_list": "职责", "yearbook": "年鉴·总结", "experience_report": "经验材料",
    "budget_table": "预算绩效表", "other": "其他",
}


def search_in() -> dict[str, str]:
    """What the search page can search, with its label: every searchable record kind, then the documents."""
    return {**{name: kinds.get(name).title_zh or name for name in kinds.short_names(having="search")},
            "documents": "文件"}
TOKEN_COOKIE = "gongwen_token"


@contextmanager
def read_only(db: Path) -> Iterator[Store]:
    """The store opened read-only for one request (SQLite connections are per thread)."""
    store = Store.open_read_only(db)
    try:
        yield store
    finally:
        store.close()


class Guard(BaseHTTPMiddleware):
    """Only GET and HEAD; with a token, only requests that carry it; safe headers on every answer."""

    def __init__(self, app: Any, token: str | None) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method not in ("GET", "HEAD"):
            return PlainTextResponse("read-only: only GET and HEAD are answered", status_code=405,
                                     headers={"Allow": "GET, HEAD"})
        set_cookie = False
        if self.token:
            given = (request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE)
                     or request.headers.get("authorization", "").removeprefix("Bearer ").strip())
            if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
                return PlainTextResponse("a token is required: open the address `gongwen serve` printed",
                                         status_code=401)
            set_cookie = request.query_params.get("token") is not None
        response = await call_next(request)
        if set_cookie and self.token:
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


Node = tuple[str | None, int, list[Any]]


def region_tree(rows: list[tuple[str | None, str | None, int]]) -> list[Node]:
    """Documents counted by region and rolled up province › city › county along each region's
    chain; regions with no known chain (a township, an unnamed area) stand on their own."""
    tree: dict[str, Any] = {}
    loose: dict[str | None, int] = {}
    for region, chain, n in rows:
        names = (chain or "").split()
        if not names:
            loose[region] = loose.get(region, 0) + n
            continue
        if region and region not in names and not _same_place(region, names[-1]):
            names.append(region)  # a town or zone inside the chain's last level
        level = tree
        for name in names:
            node = level.setdefault(name, {"n": 0, "sub": {}})
            node["n"] += n
            level = node["sub"]

    def build(level: dict[str, Any]) -> list[Node]:
        return sorted(((k, v["n"], build(v["sub"])) for k, v in level.items()), key=lambda x: (-x[1], x[0]))

    out = build(tree)
    out += sorted(((k, n, []) for k, n in loose.items()), key=lambda x: (x[0] is None, -x[1], x[0] or ""))
    return out


def _same_place(region: str, name: str) -> bool:
    """Whether ``region`` is ``name`` written shorter or with an older suffix (湘桥 for 湘桥区,
    禄丰市 for 禄丰县)."""
    return name.startswith(region) or (len(region) == len(name) and region[:-1] == name[:-1])


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def _page_url(request: Request, **changes: Any) -> str:
    params = dict(request.query_params)
    params.pop("token", None)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return f"{request.url.path}?{urlencode(params)}"


def create_app(db: str | Path, token: str | None = None) -> Starlette:
    """The application over the store at ``db`` (which must exist and be up to date)."""
    db = Path(db)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(DOC_TYPES=DOC_TYPES, SEARCH_IN=search_in(),
                                 COUNTED=[(k.cli, k.title_zh or k.cli) for k in kinds.all_kinds() if k.label],
                                 RECORDED=[(k.name, k.title_zh or k.cli) for k in kinds.all_kinds()], MARK_KINDS=marked_kinds(),
                                 page_url=_page_url)
    templates.env.globals["CARDS"] = [{"name": k.name, "template": templates.env.from_string(k.card)}
                                      for k in kinds.all_kinds() if k.card]
    templates.env.filters["basename"] = lambda path: Path(path or "").name

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    async def home(request: Request) -> Response:
        with read_only(db) as store:
            total = store.document_count()
            regions = region_tree(store.regions())
            types = store.documents_by("doc_type")
            years = store.years()
            counts = store.record_counts({k.cli: k.table for k in kinds.all_kinds() if k.label})
            failures = store.failures()
            recent = store.recent(15)
        return render(request, "index.html", total=total, regions=regions, types=types, years=years,
                      counts=counts, failures=failures, recent=recent)

    async def search_page(request: Request) -> Response:
        from gongwen.search import search_page as run_search

        p = request.query_params
        q, in_ = p.get("q", "").strip(), p.get("in", "duties")
        region, doc_type, year = p.get("region") or None, p.get("type") or None, _int(p.get("year"))
        page = max(1, _int(p.get("page")) or 1)
        error = None
        if in_ not in search_in():
            error, in_ = f"不能在「{in_}」中搜索；可选：{'、'.join(search_in())}", "duties"
        if doc_type and doc_type not in DOC_TYPES:
            error = f"没有「{doc_type}」这种文件类型；可选：{'、'.join(DOC_TYPES)}"
            doc_type = None
        results = None
        if q and not error:
            try:
                with read_only(db) as store:
                    results = run_search(store, q, in_, region=region, doc_type=doc_type, year=year,
                                         limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
            except QueryError as e:
                error = str(e)
        if p.get("format") == "json":
            if error:
                return JSONResponse({"error": error}, status_code=400)
            body = {"query": q, "in": in_, "region": region, "type": doc_type, "year": year, "page": page,
                    "total": results.total if results else 0,
                    "hits": [h.to_dict() for h in results.hits] if results else [],
                    "facets": {k: [[v, n] for v, n in vs] for k, vs in results.facets.items()} if results else {}}
            return JSONResponse(body)
        pages = (results.total + PAGE_SIZE - 1) // PAGE_SIZE if results else 0
        return render(request, "search.html", status=400 if error else 200, q=q, in_=in_, region=region or "",
                      doc_type=doc_type or "", year=year or "", results=results, error=error, page=page,
                      pages=pages)

    async def documents(request: Request) -> Response:
        p = request.query_params
        region, doc_type, year = p.get("region") or None, p.get("type") or None, _int(p.get("year"))
        with read_only(db) as store:
            docs = store.listing({k.cli: k.table for k in kinds.all_kinds() if k.label},
                                 DocumentFilter(region, doc_type, year))
        return render(request, "documents.html", docs=docs, region=region, doc_type=doc_type, year=year)

    async def document(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        with read_only(db) as store:
            doc = store.get(doc_id)
            path = store.source_of(doc_id)
        if doc is None:
            return render(request, "error.html", status=404, message=f"没有编号为 {doc_id} 的文件")
        children: dict[str | None, list[Any]] = {}
        for s in doc.sections:
            children.setdefault(s.parent, []).append(s)
        return render(request, "document.html", doc=doc, segments=segments(doc), children=children,
                      figure_label=figure_label, source_path=path[0] if path else doc.source.path,
                      source_exists=Path(path[0] if path else doc.source.path).is_file())

    async def source(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        with read_only(db) as store:
            row = store.source_of(doc_id)
        if row is None or not Path(row[0]).is_file():
            return render(request, "error.html", status=404, message="源文件已不在原处")
        data = Path(row[0]).read_bytes()
        if hashlib.sha256(data).hexdigest() != row[1]:  # never serve a file that is not the stored one
            return render(request, "error.html", status=409, message="源文件在入库后已被修改")
        return Response(data, media_type="application/octet-stream",
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(Path(row[0]).name)}"})

    async def compare(request: Request) -> Response:
        from gongwen import compare as lib

        what = request.path_params["what"]
        if what not in ("meetings", "duties"):
            return render(request, "error.html", status=404, message=f"没有「{what}」比较")
        p = request.query_params
        region, doc_type = p.get("region") or None, p.get("type") or None
        key = p.get("body" if what == "meetings" else "organ") or None
        with read_only(db) as store:
            if what == "meetings":
                comp = lib.compare_meetings(store, body=key, region=region, doc_type=doc_type)
            else:
                comp = lib.compare_duties(store, organ=key, region=region, doc_type=doc_type)
        fmt = p.get("format")
        if fmt in ("csv", "xlsx", "md"):
            return _download(comp, fmt, f"compare-{what}")
        shown = [c for c in comp.columns if any(r.cells.get(c) and r.cells[c].value for r in comp.rows)]
        return render(request, "compare.html", what=what, comp=comp, columns=shown, key=key or "",
                      region=region or "", doc_type=doc_type or "")

    async def brief(request: Request) -> Response:
        from gongwen.briefs import build_brief, render_docx, render_markdown

        p = request.query_params
        ids = p.getlist("doc")
        fmt = p.get("format", "docx")
        if not ids:
            with read_only(db) as store:
                docs = store.for_briefs()
            return render(request, "brief.html", docs=docs)
        if fmt not in ("docx", "md"):
            return render(request, "error.html", status=400, message="简报格式只能是 docx 或 md")
        with read_only(db) as store:
            records = [store.get(i) for i in ids]
        if any(r is None for r in records):
            return render(request, "error.html", status=404, message="所选文件不在库中")
        made = build_brief([r for r in records if r is not None])[0]
        if fmt == "md":
            return Response(render_markdown(made), media_type="text/markdown; charset=utf-8",
                            headers={"Content-Disposition": "attachment; filename=brief.md"})
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "brief.docx"
            render_docx(made, target)
            data = target.read_bytes()
        return Response(data, headers={"Content-Disposition": "attachment; filename=brief.docx"},
                        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")

    async def not_found(request: Request, exc: Exception) -> Response:
        return render(request, "error.html", status=404, message="没有这个页面")

    routes = [
        Route("/", home),
        Route("/search", search_page),
        Route("/documents", documents),
        Route("/documents/{doc_id}", document),
        Route("/documents/{doc_id}/source", source),
        Route("/compare/{what}", compare),
        Route("/brief", brief),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, token=token)],
                     exception_handlers={404: not_found})


def _download(comp: Any, fmt: str, stem: str) -> Response:
    """Exactly the file ``gongwen compare … --format FMT -o FILE`` writes."""
    from gongwen import compare as lib

    if fmt == "md":
        return Response(lib.to_markdown(comp), media_type="text/markdown; charset=utf-8",
                        headers={"Content-Disposition": f"attachment; filename={stem}.md"})
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{stem}.{fmt}"
        (lib.write_csv if fmt == "csv" else lib.write_xlsx)(comp, target)
        data = target.read_bytes()
    media = "text/csv; charset=utf-8" if fmt == "csv" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(data, media_type=media, headers={"Content-Disposition": f"attachment; filename={stem}.{fmt}"})

