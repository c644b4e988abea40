// Tests of the Content-Types the preview sends (serve/mime.h).
#include <doctest/doctest.h>

#include "serve/mime.h"

TEST_CASE("content_type: by the file's name and extension") {
  CHECK(content_type("files/form.docx") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  CHECK(content_type("files/pack.pdf") == "application/pdf");
  CHECK(content_type("logo.svg") == "image/svg+xml");
  CHECK(content_type("vacancies/ta/index.html") == "text/html; charset=utf-8");
  CHECK(content_type("PHOTO.JPG") == "image/jpeg");
  CHECK(content_type("feed.xml") == "application/atom+xml");
  CHECK(content_type("sitemap.xml") == "application/xml");
  CHECK(content_type("feed.json") == "application/feed+json");
  CHECK(content_type("files/notes") == "application/octet-stream");
}
