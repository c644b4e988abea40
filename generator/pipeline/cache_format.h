// The build cache's file format: plain data (the model, diagnostics,
// listings) as bytes and back. One `fields` function per type lists its
// members once, for writing and reading alike. Reading never trusts the
// bytes: a short or malformed file leaves `ok` false, and the caller throws
// the whole cache away.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/model.h"
#include "check/check_cache.h"
#include "load/load.h"
#include "render/languages.h"

// Appends values to `bytes`.
struct CacheWriter {
  std::string bytes;
  std::string last_path;  // of the last Mark: most repeat it, and are written without
  template <class... T>
  void operator()(T&... values) { (item(values), ...); }

  template <class T>
  void item(T& x) {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      bytes.append(reinterpret_cast<const char*>(&x), sizeof x);
    } else {
      fields(*this, x);
    }
  }
  void item(std::string& s) {
    std::uint64_t n = s.size();
    item(n);
    bytes += s;
  }
  void item(Text& t) {
    std::uint64_t n = t.size();
    item(n);
    bytes += t.view();
  }
  // The standards they cite, then their bytes, written on their own (no
  // mark's path taken from before them) so that they can be read alone,
  // later (see Sections). Sections never read are written as they came.
  void item(Sections& s) {
    std::vector<std::string> cited = s.cited_standards();
    item(cited);
    std::optional<std::string_view> unread = s.unread();
    CacheWriter own;
    if (!unread) own.item(const_cast<std::vector<Section>&>(std::as_const(s).all()));
    std::string_view sections = unread ? *unread : std::string_view(own.bytes);
    std::uint64_t n = sections.size();
    item(n);
    bytes += sections;
  }
  template <class O>
  void optional_item(O& o) {
    bool has = o.has_value();
    item(has);
    if (has) item(*o);
  }
  template <class T>
  void item(std::optional<T>& o) { optional_item(o); }
  template <class T>
  void item(Box<T>& o) { optional_item(o); }
  template <class T>
  void item(std::vector<T>& v) {
    std::uint64_t n = v.size();
    item(n);
    for (auto& x : v) item(x);
  }
  template <class A, class B>
  void item(std::pair<A, B>& p) { (*this)(p.first, p.second); }
  template <class K, class V>
  void item(std::map<K, V>& m) {
    std::uint64_t n = m.size();
    item(n);
    for (auto& [k, v] : m) {
      K key = k;
      (*this)(key, v);
    }
  }
  void item(Mark& m) {
    bool same = m.path == last_path;
    item(same);
    if (!same) item(last_path = m.path);
    (*this)(m.line, m.col);
  }
  void item(std::shared_ptr<const PersonSpec>& p) {
    bool has = p != nullptr;
    item(has);
    if (has) item(const_cast<PersonSpec&>(*p));
  }
};

// Reads values back from `bytes`, in the order they were written.
struct CacheReader {
  std::string_view bytes;
  size_t at = 0;
  bool ok = true;
  SourcePath last_path;  // shared by the marks that repeat it
  // Texts are lent from `bytes` rather than copied: set when the caller
  // keeps them alive as long as what is read (see text_ref.h).
  bool lend = false;

  template <class... T>
  void operator()(T&... values) { (item(values), ...); }

  bool take(void* into, size_t n) {
    if (!ok || bytes.size() - at < n) return ok = false;
    std::memcpy(into, bytes.data() + at, n);
    at += n;
    return true;
  }
  // A count of things that each take at least one byte: no more than remain.
  std::uint64_t count() {
    std::uint64_t n = 0;
    if (take(&n, sizeof n) && n > bytes.size() - at) ok = false;
    return ok ? n : 0;
  }
  template <class T>
  void item(T& x) {
    if constexpr (std::is_same_v<T, bool>) {
      unsigned char b = 0;
      take(&b, 1);
      if (b > 1) ok = false;
      x = b == 1;
    } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      take(&x, sizeof x);
    } else {
      fields(*this, x);
    }
  }
  void item(std::string& s) {
    std::uint64_t n = count();
    if (!ok) return;
    s.assign(bytes.data() + at, n);
    at += n;
  }
  void item(Text& t) {
    std::uint64_t n = count();
    if (!ok) return;
    t = lend ? Text::lent(bytes.substr(at, n)) : Text(std::string(bytes.substr(at, n)));
    at += n;
  }
  // Sections as CacheWriter writes them: when lending, read only when first
  // asked for.
  void item(Sections& s) {
    std::vector<std::string> cited;
    item(cited);
    std::uint64_t n = count();
    if (!ok) return;
    std::string_view sections = bytes.substr(at, n);
    at += n;
    if (lend) {
      s = Sections::later(std::move(cited), sections, &read_later);
      return;
    }
    std::vector<Section> all;
    ok = read_sections(sections, all, false);
    s = Sections(std::move(all));
  }
  // Reads `into` from all of `sections`, written on their own; false when
  // they are malformed.
  static bool read_sections(std::string_view sections, std::vector<Section>& into, bool lend) {
    CacheReader own;
    own.bytes = sections;
    own.lend = lend;
    own.item(into);
    return own.ok && own.at == sections.size();
  }
  // Sections read later, from bytes whose checksum was right when the
  // cache was read and that the same program wrote: they cannot fail to
  // read but through a fault in Staffroom itself, and then no page is
  // made from them.
  static void read_later(std::string_view sections, std::vector<Section>& into) {
    if (read_sections(sections, into, true)) return;
    std::fputs("staffroom: internal error: a person specification in the build cache "
               "(.staffroom-cache) could not be read. Nothing was changed in the output. "
               "Build again with --no-cache, and please report this.\n", stderr);
    std::_Exit(70);
  }
  template <class O>
  void optional_item(O& o) {
    bool has = false;
    item(has);
    o.reset();
    if (has) item(o.emplace());
  }
  template <class T>
  void item(std::optional<T>& o) { optional_item(o); }
  template <class T>
  void item(Box<T>& o) { optional_item(o); }
  template <class T>
  void item(std::vector<T>& v) {
    std::uint64_t n = count();
    v.clear();
    v.reserve(n);
    for (std::uint64_t i = 0; i < n && ok; ++i) item(v.emplace_back());
  }
  template <class A, class B>
  void item(std::pair<A, B>& p) { (*this)(p.first, p.second); }
  template <class K, class V>
  void item(std::map<K, V>& m) {
    std::uint64_t n = count();
    m.clear();
    for (std::uint64_t i = 0; i < n && ok; ++i) {
      K key{};
      item(key);
      item(m[std::move(key)]);
    }
  }
  void item(Mark& m) {
    bool same = false;
    item(same);
    if (!same) {
      std::string path;
      item(path);
      last_path = std::move(path);
    }
    m.path = last_path;
    (*this)(m.line, m.col);
  }
  void item(std::shared_ptr<const PersonSpec>& p) {
    bool has = false;
    item(has);
    p.reset();
    if (!has) return;
    auto spec = std::make_shared<PersonSpec>();
    item(*spec);
    p = std::move(spec);
  }
};

// The members of each type kept in the cache. A member added to one of
// these types must be added here too (cache_format.cpp checks the sizes,
// so that one left out is a failed build, not a stale page).
template <class A> void fields(A& a, Diagnostic& x) { a(x.mark, x.severity, x.message); }
template <class A> void fields(A& a, Diagnostics& x) { a(x.items); }
template <class A> void fields(A& a, Criterion& x) {
  a(x.mark, x.text, x.level, x.assessed, x.note, x.details, x.standards, x.standard_marks);
}
template <class A> void fields(A& a, Section& x) { a(x.mark, x.name, x.prompt, x.note, x.criteria); }
template <class A> void fields(A& a, PersonSpec& x) {
  a(x.id, x.mark, x.title, x.introduction, x.assessment_methods, x.sections);
}
template <class A> void fields(A& a, Salary& x) {
  a(x.min, x.max, x.currency, x.period, x.note, x.actual_min, x.actual_max);
}
template <class A> void fields(A& a, TimeSlot& x) { a(x.days, x.start, x.end); }
template <class A> void fields(A& a, Hours& x) { a(x.per_week, x.paid_weeks, x.weeks, x.notes, x.schedule); }
template <class A> void fields(A& a, Apply& x) { a(x.url, x.email, x.instructions); }
template <class A> void fields(A& a, Document& x) { a(x.title, x.file, x.mark); }
template <class A> void fields(A& a, Vacancy& x) {
  a(x.slug, x.mark, x.title, x.school, x.role, x.summary, x.reference, x.grade, x.language);
  a(x.spec_id, x.spec, x.spec_mark, x.school_mark, x.role_mark, x.closes_mark, x.salary);
  a(x.contract, x.working_pattern, x.hours, x.reports_to, x.posted, x.closes, x.publish, x.starts);
  a(x.apply, x.documents, x.safeguarding_check, x.safeguarding_statement, x.politically_restricted);
  a(x.visa_sponsorship, x.suitable_for_early_career_teachers, x.english_fluency_required);
  a(x.safety_critical, x.physical_requirements, x.welsh_language, x.draft, x.one_language);
  a(x.body, x.body_line);
}
template <class A> void fields(A& a, FileStamp& x) { a(x.size, x.mtime_ns, x.ctime_ns, x.device, x.inode); }
template <class A, class T> void fields(A& a, CachedFile<T>& x) { a(x.stamp, x.read_at_ns, x.hash, x.value, x.diags); }
template <class A> void fields(A& a, BodyFindings& x) { a(x.diags, x.unknown); }
template <class A> void fields(A& a, Listing& x) {
  a(x.status, x.card_html, x.search_entry, x.atom_entry, x.feed_item, x.digest);
}
template <class A> void fields(A& a, VacancyOutput& x) { a(x.listing, x.files); }
