"""HTML pages built by the tests: a made-up story, wrapped in the furniture news sites put around one."""

from __future__ import annotations

TITLE = "Minister resigns over bridge inspection report"

PARAGRAPHS = [
    "The transport minister resigned on Thursday after an independent report found serious failings in "
    "the inspection of the old river bridge, which was closed to traffic last spring.",
    "The report, published by the engineering council, said inspectors had missed cracks in two of the "
    "main supports for at least three years, and that warnings from residents were ignored.",
    "Opposition members welcomed the decision but called for a wider inquiry into how bridges across the "
    "region are maintained, saying the café owners near the crossing had lost months of trade.",
    "The council said the bridge would reopen to pedestrians in the summer, once temporary supports "
    "had been fitted and tested by an outside firm.",
]
QUOTE = "“I take full responsibility for what went wrong, and I am sorry,” the minister said in a statement."
SUBHEADING = "What happens next"

NAV = ["Home", "News", "Sport", "Weather", "Subscribe"]
FOOTER = "Copyright 2021 The Riverside Gazette. All rights reserved."
SHARE = ["Share on Facebook", "Share on Twitter", "Email this story"]


def article_page(
    *,
    charset: str | None = "utf-8",
    title: str = TITLE,
    site_name: str | None = "The Riverside Gazette",
    author: str | None = "Jane Writer",
    published: str | None = "2021-03-04T09:30:00+00:00",
    url: str | None = "https://gazette.example.org/news/minister-resigns",
    paragraphs: list[str] = PARAGRAPHS,
) -> str:
    head = []
    if charset:
        head.append(f'<meta charset="{charset}">')
    head.append(f"<title>{title} | The Riverside Gazette</title>")
    if site_name:
        head.append(f'<meta property="og:site_name" content="{site_name}">')
    if author:
        head.append(f'<meta name="author" content="{author}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if url:
        head.append(f'<link rel="canonical" href="{url}">')
    nav = "".join(f'<li><a href="/{item.lower()}">{item}</a></li>' for item in NAV)
    share = " ".join(f'<a href="#share">{label}</a>' for label in SHARE)
    body = [f"<p>{p}</p>" for p in paragraphs[:2]]
    body.append(f"<blockquote><p>{QUOTE}</p></blockquote>")
    body.append(f"<h2>{SUBHEADING}</h2>")
    body.extend(f"<p>{p}</p>" for p in paragraphs[2:])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{chr(10).join(head)}
</head>
<body>
<nav class="site-nav"><ul>{nav}</ul></nav>
<header class="masthead"><div class="logo">The Riverside Gazette</div></header>
<main>
<article>
<h1>{title}</h1>
<p class="byline">By {author or "Staff"}</p>
{chr(10).join(body)}
</article>
<div class="share-tools">{share}</div>
</main>
<footer><p>{FOOTER}</p><a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
"""
