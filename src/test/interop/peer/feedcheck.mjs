// Reads an RSS or Atom feed on stdin and prints what an independent feed reader library
// (@rowanmanning/feed-parser) makes of it, as JSON on stdout. Used by Allmende's feed tests.
import { parseFeed } from '@rowanmanning/feed-parser';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const feed = parseFeed(Buffer.concat(chunks).toString('utf8'));
const date = (d) => (d ? d.toISOString() : null);
console.log(JSON.stringify({
  meta: feed.meta,
  language: feed.language,
  title: feed.title,
  url: feed.url,
  self: feed.self,
  updated: date(feed.updated),
  authors: feed.authors.map((a) => ({ name: a.name, url: a.url })),
  items: feed.items.map((i) => ({
    id: i.id,
    title: i.title,
    url: i.url,
    published: date(i.published),
    updated: date(i.updated),
    description: i.description,
    content: i.content,
    authors: i.authors.map((a) => ({ name: a.name, url: a.url })),
    categories: i.categories.map((c) => ({ term: c.term, label: c.label, url: c.url })),
  })),
}));
