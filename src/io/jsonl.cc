#include "io/jsonl.h"

#include "io/json_text.h"

namespace emend::io {
namespace {

size_t SkipWs(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  return i;
}

// s[i] == '"'; returns the offset after the closing quote, or npos.
size_t SkipString(std::string_view s, size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i + 1;
  }
  return std::string_view::npos;
}

// Skips one JSON value starting at s[i]; returns its end or npos.
size_t SkipValue(std::string_view s, size_t i) {
  if (i >= s.size()) return std::string_view::npos;
  if (s[i] == '"') return SkipString(s, i);
  if (s[i] != '{' && s[i] != '[') {
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
           s[i] != '\t' && s[i] != '\r' && s[i] != '\n') ++i;
    return i;
  }
  int depth = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') { i = SkipString(s, i); if (i == std::string_view::npos) return i; --i; }
    else if (c == '{' || c == '[') ++depth;
    else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

bool KeyEquals(std::string_view raw_key, std::string_view key) {
  std::string_view inner = raw_key.substr(1, raw_key.size() - 2);
  if (inner.find('\\') == std::string_view::npos) return inner == key;
  json k = json::parse(raw_key, nullptr, false);
  return k.is_string() && k.get<std::string>() == key;
}

std::string EmendMember(const FixResult& r, std::string_view original, const JsonlOptions& jo) {
  json j = json::object();
  j["offsets"] = jo.codepoint_offsets ? "codepoints" : "bytes";
  json edits = json::array();
  CodePointCounter counter(original);
  for (const Edit& e : r.edits) edits.push_back(EditToJson(e, jo.codepoint_offsets ? &counter : nullptr));
  j["edits"] = std::move(edits);
  if (!r.suggestions.empty()) {  // --suggest
    json sug = json::array();
    CodePointCounter sc(original);
    for (const Suggestion& g : r.suggestions) sug.push_back(SuggestionToJson(g, jo.codepoint_offsets ? &sc : nullptr));
    j["suggestions"] = std::move(sug);
  }
  j["stats"] = {{"words", r.stats.words}, {"edits", r.stats.edits}};
  return Dump(j);
}

}  // namespace

bool FindMember(std::string_view s, std::string_view key, Span* value, size_t* close_brace) {
  size_t i = SkipWs(s, 0);
  if (i >= s.size() || s[i] != '{') return false;
  i = SkipWs(s, i + 1);
  if (i < s.size() && s[i] == '}') { *close_brace = i; return true; }
  while (i < s.size()) {
    if (s[i] != '"') return false;
    size_t ke = SkipString(s, i);
    if (ke == std::string_view::npos) return false;
    std::string_view raw_key = s.substr(i, ke - i);
    i = SkipWs(s, ke);
    if (i >= s.size() || s[i] != ':') return false;
    i = SkipWs(s, i + 1);
    size_t ve = SkipValue(s, i);
    if (ve == std::string_view::npos) return false;
    if (!value->found && KeyEquals(raw_key, key)) *value = Span{i, ve, true};
    i = SkipWs(s, ve);
    if (i < s.size() && s[i] == '}') { *close_brace = i; return true; }
    if (i >= s.size() || s[i] != ',') return false;
    i = SkipWs(s, i + 1);
  }
  return false;
}

LineOutcome FixJsonlLine(const Engine& engine, const FixOptions& options, const JsonlOptions& jo,
                         std::string_view line, std::string* out, FixStats* stats) {
  std::string_view body = line;
  if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
  auto passthrough = [&](LineOutcome o) { out->append(line); return o; };
  if (body.find_first_not_of(" \t") == std::string_view::npos) return passthrough(LineOutcome::kBlank);
  if (!json::accept(body)) return passthrough(LineOutcome::kMalformed);
  Span field, emend;
  size_t close = 0;
  if (!FindMember(body, jo.field, &field, &close) || !FindMember(body, "emend", &emend, &close))
    return passthrough(LineOutcome::kMalformed);
  if (!field.found || body[field.begin] != '"') return passthrough(LineOutcome::kNoField);
  std::string text = json::parse(body.substr(field.begin, field.end - field.begin)).get<std::string>();
  FixResult r = engine.Fix(text, options);
  if (stats) stats->Add(r.stats);
  std::string new_value = Dump(json(r.text));
  std::string member = EmendMember(r, text, jo);
  // Splice: field value replaced; "emend" value replaced or appended.
  std::string result;
  result.reserve(body.size() + member.size() + 16);
  auto put_until = [&](size_t& pos, size_t end) { result.append(body.substr(pos, end - pos)); pos = end; };
  size_t pos = 0;
  bool emend_first = emend.found && emend.begin < field.begin;
  if (emend_first) { put_until(pos, emend.begin); result += member; pos = emend.end; }
  put_until(pos, field.begin);
  result += new_value;
  pos = field.end;
  if (emend.found && !emend_first) { put_until(pos, emend.begin); result += member; pos = emend.end; }
  put_until(pos, close);
  if (!emend.found) result += ",\"emend\":" + member;
  result.append(body.substr(close));
  out->append(result);
  if (body.size() < line.size()) out->push_back('\r');
  return LineOutcome::kFixed;
}

}  // namespace emend::io
