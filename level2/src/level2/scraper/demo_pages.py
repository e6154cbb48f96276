"""HTML for the demo shop, in the structure of books.toscrape.com (trimmed of scripts and styles).

The class names and nesting are the real site's: ``article.product_pod`` with an
``h3 > a[title]`` per listing, ``ul.pager li.next``, ``div.product_main`` with
``h1``, ``p.price_color``, ``p.availability`` and ``p.star-rating Three``, the
``ul.breadcrumb``, ``#product_description`` and the "Product Information"
table. So the one parser reads both sites.
"""

from __future__ import annotations

from html import escape

from level2.scraper.demo_catalogue import DemoProduct

__all__ = ["list_page", "product_page", "robots_txt"]

STARS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}
DISALLOWED = "/catalogue/staff-picks/"


def robots_txt() -> str:
    return f"# The demo shop welcomes polite robots, but not in the staff area.\nUser-agent: *\nDisallow: {DISALLOWED}\n"


def _page(title: str, root: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-us" class="no-js">
    <head>
        <title>{escape(title)} | Demo Shop - synthetic data</title>
        <meta http-equiv="content-type" content="text/html; charset=UTF-8" />
        <meta name="robots" content="NOARCHIVE,NOCACHE" />
    </head>
    <body id="default" class="default">
    <header class="header container-fluid">
        <div class="page_inner"><div class="row">
            <div class="col-sm-8 h1"><a href="{root}index.html">Demo Shop</a><small> Synthetic products, made to be scraped</small></div>
        </div></div>
    </header>
    <div class="container-fluid page"><div class="page_inner">
{body}
    </div></div>
    </body>
</html>
"""


def _stars(rating: int | None) -> str:
    if rating is None:
        return ""
    stars = '<i class="icon-star"></i>' * 5
    return f'<p class="star-rating {STARS[rating]}">{stars}</p>'


def list_page(items: list[tuple[DemoProduct, str]], page: int, pages: int, total: int) -> str:
    """One catalogue page. ``items`` pairs each product with its link relative to this page."""
    root = "" if page == 1 else "../"
    here = "catalogue/" if page == 1 else ""
    pods = []
    for product, link in items:
        short = product.title if len(product.title) <= 24 else product.title[:20] + "..."
        stock = "In stock" if product.stock else "Out of stock"
        pods.append(
            f"""<li class="col-xs-6 col-sm-4 col-md-3 col-lg-3">
    <article class="product_pod">
        <div class="image_container"><a href="{link}"><img src="{root}media/{product.upc}.jpg" alt="{escape(product.title)}" class="thumbnail"></a></div>
        {_stars(product.rating)}
        <h3><a href="{link}" title="{escape(product.title)}">{escape(short)}</a></h3>
        <div class="product_price">
            <p class="price_color">{escape(product.price_text)}</p>
            <p class="instock availability"><i class="icon-ok"></i> {stock}</p>
        </div>
    </article>
</li>"""
        )
    previous = ""
    if page > 1:
        previous_href = f"{root}index.html" if page == 2 else f"page-{page - 1}.html"
        previous = f'<li class="previous"><a href="{previous_href}">previous</a></li>'
    following = (
        f'<li class="next"><a href="{here}page-{page + 1}.html">next</a></li>'
        if page < pages
        else ""
    )
    body = f"""<ul class="breadcrumb"><li><a href="{root}index.html">Home</a></li><li class="active">All products</li></ul>
<div class="row"><div class="col-sm-8 col-md-9">
    <div class="page-header action"><h1>All products</h1></div>
    <form method="get" class="form-horizontal"><strong>{total}</strong> results.</form>
    <section><div class="alert alert-warning" role="alert"><strong>Warning!</strong> Synthetic demo data for scraping practice (level0.datagen).</div>
    <div><ol class="row">
{chr(10).join(pods)}
    </ol>
    <div><ul class="pager">{previous}<li class="current">Page {page} of {pages}</li>{following}</ul></div>
    </div></section>
</div></div>"""
    return _page("All products", root, body)


def product_page(product: DemoProduct) -> str:
    """A product's page; the broken product's HTML stops half-way, as a crashed server's would."""
    root = "../../../" if product.special == "private" else "../../"
    stock = product.stock
    if stock is None:
        availability = "In stock"
    elif stock == 0:
        availability = "Out of stock"
    else:
        availability = f"In stock ({stock} available)"
    description = (
        ""
        if product.description is None
        else f"""<div id="product_description" class="sub-header"><h2>Product Description</h2></div>
        <p>{escape(product.description)}</p>"""
    )
    category_slug = product.category.lower().replace(" & ", "-").replace(" ", "-")
    top = f"""<ul class="breadcrumb">
    <li><a href="{root}index.html">Home</a></li>
    <li><a href="{root}catalogue/category/products_1/index.html">Products</a></li>
    <li><a href="{root}catalogue/category/products/{category_slug}/index.html">{escape(product.category)}</a></li>
    <li class="active">{escape(product.title)}</li>
</ul>
<div class="content"><div id="content_inner">
<article class="product_page">
    <div class="row">
        <div class="col-sm-6 product_main">
            <h1>{escape(product.title)}</h1>
"""
    if product.special == "broken":
        return _page(product.title, root, top + '            <p class="price_co')
    rest = f"""            <p class="price_color">{escape(product.price_text)}</p>
            <p class="instock availability"><i class="icon-ok"></i> {availability}</p>
            {_stars(product.rating)}
        </div>
    </div>
    {description}
    <div class="sub-header"><h2>Product Information</h2></div>
    <table class="table table-striped">
        <tr><th>UPC</th><td>{product.upc}</td></tr>
        <tr><th>Product Type</th><td>{escape(product.category)}</td></tr>
        <tr><th>Price (incl. tax)</th><td>{escape(product.price_text)}</td></tr>
        <tr><th>Availability</th><td>{availability}</td></tr>
        <tr><th>Number of reviews</th><td>0</td></tr>
    </table>
</article>
</div></div>"""
    return _page(product.title, root, top + rest)
