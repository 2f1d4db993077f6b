// Saved edit logs (include/emend/log.h).
#include "emend/log.h"

#include <cmath>

#include "io/json_text.h"
#include "util/hash.h"

namespace emend {

using io::json;

EditLog MakeLog(std::string_view input, const FixResult& result, std::string model,
                std::string options_json) {
  EditLog log;
  log.emend_version = Version();
  log.model = std::move(model);
  log.options_json = std::move(options_json);
  log.input_bytes = input.size();
  log.input_hash = util::Hash64(input);
  log.output_bytes = result.text.size();
  log.output_hash = util::Hash64(result.text);
  log.edits = result.edits;
  return log;
}

namespace {

json StatsJson(const FixStats& s) {
  json by_kind = json::object();
  for (int k = 0; k < kNumEditKinds; ++k)
    if (s.by_kind[k]) by_kind[EditKindName(static_cast<EditKind>(1u << k))] = s.by_kind[k];
  json j = {{"bytes_in", s.bytes_in}, {"bytes_out", s.bytes_out}, {"words", s.words},
            {"edits", s.edits}, {"by_kind", by_kind}};
  j["invalid_utf8"] = {{"count", s.invalid_utf8}, {"first_offset", s.first_invalid_offset}};
  return j;
}

json Side(uint64_t bytes, const std::optional<uint64_t>& hash) {
  json j = {{"bytes", bytes}};
  if (hash) j["xxh3_64"] = util::Hex64(*hash);
  return j;
}

StatusOr<std::optional<uint64_t>> ReadSide(const json& doc, const char* name, uint64_t* bytes) {
  auto it = doc.find(name);
  if (it == doc.end()) return std::optional<uint64_t>();
  if (!it->is_object()) return Status::Corrupt(std::string("'") + name + "' is not an object");
  *bytes = io::UintOr(*it, "bytes", 0);
  auto h = it->find("xxh3_64");
  if (h == it->end()) return std::optional<uint64_t>();
  std::string hex = h->is_string() ? h->get<std::string>() : "";
  if (hex.size() != 16 || hex.find_first_not_of("0123456789abcdef") != std::string::npos)
    return Status::Corrupt(std::string("'") + name + ".xxh3_64' is not 16 hex digits");
  return std::optional<uint64_t>(std::stoull(hex, nullptr, 16));
}

}  // namespace

std::string SerializeFixJson(const EditLog& log, const FixResult& result) {
  json doc = json::object();
  doc["emend"] = {{"schema", log.schema}, {"version", log.emend_version}, {"model", log.model},
                  {"options", json::parse(log.options_json, nullptr, false)}};
  doc["offsets"] = "bytes";
  doc["input"] = Side(log.input_bytes, log.input_hash);
  doc["output"] = Side(log.output_bytes, log.output_hash);
  io::PutBytes(&doc, "text", result.text);
  json edits = json::array();
  for (const Edit& e : log.edits) edits.push_back(io::EditToJson(e));
  doc["edits"] = std::move(edits);
  doc["stats"] = StatsJson(result.stats);
  if (!result.suggestions.empty()) {
    json sug = json::array();
    for (const Suggestion& g : result.suggestions) sug.push_back(io::SuggestionToJson(g));
    doc["suggestions"] = std::move(sug);
  }
  return io::Dump(doc);
}

StatusOr<EditLog> ParseEditLog(std::string_view text) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Status::Corrupt("edit log is not a JSON object");
  EditLog log;
  auto meta = doc.find("emend");
  if (meta == doc.end() || !meta->is_object()) return Status::Corrupt("edit log has no 'emend' header");
  int64_t schema = io::IntOr(*meta, "schema", 0);
  if (schema != kEditSchemaVersion)
    return Status::Corrupt("edit log schema " + std::to_string(schema) + " is not supported (this emend reads " +
                           std::to_string(kEditSchemaVersion) + ")");
  log.emend_version = io::StringOr(*meta, "version", "");
  log.model = io::StringOr(*meta, "model", "");
  if (io::StringOr(doc, "offsets", "bytes") != "bytes")
    return Status::Corrupt("edit log offsets are not bytes; only byte offsets can be applied");
  auto in = ReadSide(doc, "input", &log.input_bytes);
  if (!in.ok()) return in.status();
  log.input_hash = *in;
  auto out = ReadSide(doc, "output", &log.output_bytes);
  if (!out.ok()) return out.status();
  log.output_hash = *out;
  auto edits = doc.find("edits");
  if (edits == doc.end() || !edits->is_array()) return Status::Corrupt("edit log has no 'edits' array");
  for (const json& j : *edits) {
    StatusOr<Edit> e = io::EditFromJson(j);
    if (!e.ok()) return Status::Corrupt("edit " + std::to_string(log.edits.size()) + ": " + e.status().message());
    log.edits.push_back(std::move(e).value());
  }
  return log;
}

StatusOr<std::string> ApplyLog(std::string_view input, const EditLog& log) {
  if (log.input_hash && (input.size() != log.input_bytes || util::Hash64(input) != *log.input_hash))
    return Status::Mismatch("this edit log was made from a different text (input is " +
                            std::to_string(input.size()) + " bytes, the log's was " +
                            std::to_string(log.input_bytes) + "; hashes differ)");
  return ApplyEdits(input, log.edits);
}

StatusOr<std::string> InvertLog(std::string_view output, const EditLog& log) {
  StatusOr<std::string> in = InvertEdits(output, log.edits);
  if (!in.ok()) return in;
  if (log.input_hash && (in->size() != log.input_bytes || util::Hash64(*in) != *log.input_hash))
    return Status::Mismatch("inverting this edit log does not give back the text it was made from");
  return in;
}

}  // namespace emend
