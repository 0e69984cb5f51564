"""``gongwen serve``: a local web application over a store, for analysts and officers.

Server-rendered pages (Starlette + Jinja2 templates, every asset shipped in this
package, no CDN): the collection at a glance, search with facets, a document with
its records marked, the cross-district comparisons, and briefs to download. It
only reads the store; see :mod:`gongwen.serve.app`.
"""

from gongwen.serve.app import create_app

__all__ = ["create_app"]
