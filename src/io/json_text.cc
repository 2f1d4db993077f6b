#include "io/json_text.h"

#include <cmath>
#include <cstring>

#include "text/utf8.h"

namespace emend::io {

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string Base64Encode(std::string_view b) {
  std::string out;
  out.reserve((b.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < b.size(); i += 3) {
    uint32_t v = (uint8_t(b[i]) << 16) | (uint8_t(b[i + 1]) << 8) | uint8_t(b[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out.push_back(kB64[(v >> k) & 63]);
  }
  if (i < b.size()) {
    uint32_t v = uint8_t(b[i]) << 16;
    if (i + 1 < b.size()) v |= uint8_t(b[i + 1]) << 8;
    out.push_back(kB64[(v >> 18) & 63]);
    out.push_back(kB64[(v >> 12) & 63]);
    out.push_back(i + 1 < b.size() ? kB64[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

StatusOr<std::string> Base64Decode(std::string_view t) {
  if (t.size() % 4) return Status::Corrupt("base64 length is not a multiple of 4");
  std::string out;
  for (size_t i = 0; i < t.size(); i += 4) {
    uint32_t v = 0;
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      char c = t[i + k];
      const char* p = c ? std::strchr(kB64, c) : nullptr;
      if (c == '=' && i + 4 == t.size() && k >= 2) { ++pad; v <<= 6; continue; }
      if (!p || pad) return Status::Corrupt("invalid base64");
      v = (v << 6) | static_cast<uint32_t>(p - kB64);
    }
    out.push_back(static_cast<char>(v >> 16));
    if (pad < 2) out.push_back(static_cast<char>((v >> 8) & 0xFF));
    if (pad < 1) out.push_back(static_cast<char>(v & 0xFF));
  }
  return out;
}

std::string ReplaceInvalid(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t len = text::DecodeAt(s, i, &cp);
    if (len) { out.append(s.substr(i, len)); i += len; }
    else { out.append("\xEF\xBF\xBD"); ++i; }
  }
  return out;
}

void PutBytes(json* obj, const std::string& name, std::string_view bytes) {
  if (text::IsValidUtf8(bytes)) {
    (*obj)[name] = std::string(bytes);
    return;
  }
  (*obj)[name] = ReplaceInvalid(bytes);
  (*obj)[name + "_b64"] = Base64Encode(bytes);
}

std::string StringOr(const json& obj, const char* key, const std::string& def) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : def;
}

int64_t IntOr(const json& obj, const char* key, int64_t def) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_number_integer() ? it->get<int64_t>() : def;
}

uint64_t UintOr(const json& obj, const char* key, uint64_t def) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_number_unsigned() ? it->get<uint64_t>() : def;
}

StatusOr<std::string> GetBytes(const json& obj, const std::string& name) {
  auto b64 = obj.find(name + "_b64");
  if (b64 != obj.end()) {
    if (!b64->is_string()) return Status::Corrupt("'" + name + "_b64' is not a string");
    return Base64Decode(b64->get<std::string>());
  }
  auto it = obj.find(name);
  if (it == obj.end() || !it->is_string()) return Status::Corrupt("missing string field '" + name + "'");
  return it->get<std::string>();
}

json EditToJson(const Edit& e, CodePointCounter* cp) {
  json j = json::object();
  if (cp) {
    j["start"] = cp->At(e.start);
    j["end"] = cp->At(e.end);
  } else {
    j["start"] = e.start;
    j["end"] = e.end;
  }
  PutBytes(&j, "before", e.before);
  PutBytes(&j, "after", e.after);
  j["kind"] = EditKindsToString(e.kinds);
  j["confidence"] = std::round(e.confidence * 1000) / 1000;
  j["reason"] = {{"rule", e.rule}, {"text", e.note}};
  if (!e.witness.empty()) j["witness"] = {{"id", e.witness}, {"start", e.witness_start}, {"end", e.witness_end}};
  return j;
}

json SuggestionToJson(const Suggestion& g, CodePointCounter* cp) {
  json alts = json::array();
  for (const Alternative& a : g.alternatives)
    alts.push_back({{"text", a.text}, {"probability", std::round(a.probability * 1000) / 1000}});
  json one = {{"start", cp ? cp->At(g.start) : g.start}, {"end", cp ? cp->At(g.end) : g.end}, {"alternatives", alts}};
  PutBytes(&one, "token", g.token);
  return one;
}

StatusOr<Edit> EditFromJson(const json& j) {
  if (!j.is_object()) return Status::Corrupt("an edit is not a JSON object");
  Edit e;
  auto num = [&](const char* k, uint64_t* v) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_number_unsigned()) return false;
    *v = it->get<uint64_t>();
    return true;
  };
  if (!num("start", &e.start) || !num("end", &e.end))
    return Status::Corrupt("edit without unsigned 'start' and 'end'");
  StatusOr<std::string> before = GetBytes(j, "before"), after = GetBytes(j, "after");
  if (!before.ok()) return before.status();
  if (!after.ok()) return after.status();
  e.before = std::move(before).value();
  e.after = std::move(after).value();
  auto kind = j.find("kind");
  if (kind == j.end() || !kind->is_string()) return Status::Corrupt("edit without 'kind'");
  StatusOr<uint32_t> kinds = EditKindsFromString(kind->get<std::string>());
  if (!kinds.ok()) return kinds.status();
  e.kinds = *kinds;
  auto conf = j.find("confidence");
  if (conf != j.end()) {
    if (!conf->is_number()) return Status::Corrupt("edit 'confidence' is not a number");
    e.confidence = conf->get<double>();
  }
  auto reason = j.find("reason");
  if (reason != j.end() && reason->is_object()) {
    e.rule = StringOr(*reason, "rule", "");
    e.note = StringOr(*reason, "text", "");
  }
  auto wit = j.find("witness");
  if (wit != j.end()) {
    if (!wit->is_object()) return Status::Corrupt("edit 'witness' is not an object");
    e.witness = StringOr(*wit, "id", "");
    e.witness_start = UintOr(*wit, "start", 0);
    e.witness_end = UintOr(*wit, "end", 0);
  }
  return e;
}

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

uint64_t CodePointCounter::At(uint64_t b) {
  if (b < byte_) { byte_ = 0; cp_ = 0; }
  while (byte_ < b && byte_ < text_.size()) {
    char32_t c;
    size_t len = text::DecodeAt(text_, byte_, &c);
    byte_ += len ? len : 1;
    ++cp_;
  }
  return cp_;
}

}  // namespace emend::io
