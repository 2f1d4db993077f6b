#include "eval/datasets.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/json_text.h"
#include "util/hash.h"

namespace emend::eval {
namespace fs = std::filesystem;

bool InHoldout(const std::string& group) { return util::Hash64(group) % 5 == 0; }

std::vector<std::vector<std::string>> ParseCsv(std::string_view t) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (quoted) {
      if (c == '"' && i + 1 < t.size() && t[i + 1] == '"') { field += '"'; ++i; }
      else if (c == '"') quoted = false;
      else field += c;
      continue;
    }
    if (c == '"') { quoted = true; any = true; }
    else if (c == ',') { rows.back().push_back(std::move(field)); field.clear(); any = true; }
    else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field)); field.clear();
      rows.emplace_back();
      any = false;
    } else { field += c; any = true; }
  }
  if (any || !field.empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

namespace {

StatusOr<std::string> Slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return Status::NotFound(p + ": cannot open");
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::string_view v = s;
  while (!v.empty()) {
    size_t nl = v.find('\n');
    std::string line(v.substr(0, nl));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    v.remove_prefix(nl + 1);
  }
  return out;
}

bool Keep(Split split, const std::string& group) {
  return split == Split::kAll || (split == Split::kHoldout) == InHoldout(group);
}

StatusOr<std::vector<Unit>> LoadBln600(const std::string& path, Split split) {
  auto text = Slurp(path);
  if (!text.ok()) return text.status();
  auto rows = ParseCsv(*text);
  if (rows.empty()) return Status::Corrupt(path + ": empty CSV");
  const auto& h = rows[0];
  auto col = [&](const char* name) { return std::find(h.begin(), h.end(), name) - h.begin(); };
  size_t id = col("Sample ID"), ocr = col("OCR Text"), gold = col("Ground Truth");
  if (ocr >= h.size() || gold >= h.size() || id >= h.size())
    return Status::Corrupt(path + ": no 'Sample ID', 'OCR Text' and 'Ground Truth' columns");
  std::vector<Unit> units;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() < h.size()) continue;
    if (Keep(split, rows[r][id])) units.push_back({rows[r][id], rows[r][ocr], rows[r][gold]});
  }
  return units;
}

// ICDAR 2017: line i of the input pairs with line i of the gold. '@' is
// alignment padding (dropped on both sides); in equal-length (aligned) pairs a
// '#' in the input marks a character without gold: it is dropped with the
// gold character beside it; elsewhere '#' is dropped from the input.
StatusOr<std::vector<Unit>> LoadIcdar(const std::string& ocr_path, const std::string& gold_path, Split split) {
  auto o = Slurp(ocr_path), g = Slurp(gold_path);
  if (!o.ok()) return o.status();
  if (!g.ok()) return g.status();
  auto ol = Lines(*o), gl = Lines(*g);
  if (ol.size() != gl.size())
    return Status::Corrupt(ocr_path + " and " + gold_path + " have different numbers of lines");
  std::vector<Unit> units;
  std::string name = fs::path(ocr_path).filename().string();
  for (size_t i = 0; i < ol.size(); ++i) {
    std::string group = name + ":" + std::to_string(i);
    if (!Keep(split, group)) continue;
    std::string a, b;
    const std::string &x = ol[i], &y = gl[i];
    if (x.size() == y.size()) {
      for (size_t k = 0; k < x.size(); ++k) {
        if (x[k] == '#') continue;
        if (x[k] != '@') a += x[k];
        if (y[k] != '@') b += y[k];
      }
    } else {
      for (char c : x) if (c != '@' && c != '#') a += c;
      for (char c : y) if (c != '@') b += c;
    }
    units.push_back({group, a, b});
  }
  return units;
}

StatusOr<std::vector<Unit>> LoadPairs(const std::string& ocr, const std::string& gold, Split split) {
  std::vector<std::pair<std::string, std::string>> files;
  if (fs::is_directory(ocr)) {
    for (auto& e : fs::directory_iterator(ocr))
      if (e.is_regular_file()) files.emplace_back(e.path().string(), (fs::path(gold) / e.path().filename()).string());
    std::sort(files.begin(), files.end());
  } else {
    files.emplace_back(ocr, gold);
  }
  std::vector<Unit> units;
  for (auto& [o, g] : files) {
    std::string group = fs::path(o).filename().string();
    if (!Keep(split, group)) continue;
    auto a = Slurp(o), b = Slurp(g);
    if (!a.ok()) return a.status();
    if (!b.ok()) return b.status();
    units.push_back({group, *a, *b});
  }
  return units;
}

StatusOr<std::vector<Unit>> LoadJsonl(const std::string& path, Split split) {
  auto text = Slurp(path);
  if (!text.ok()) return text.status();
  std::vector<Unit> units;
  size_t n = 0;
  for (const std::string& line : Lines(*text)) {
    ++n;
    if (line.empty()) continue;
    io::json j = io::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("ocr") || !j.contains("gold") || !j["ocr"].is_string() || !j["gold"].is_string())
      return Status::Corrupt(path + ":" + std::to_string(n) + ": needs string fields 'ocr' and 'gold'");
    std::string group = j.contains("id") ? j["id"].dump() : std::to_string(n);
    if (Keep(split, group)) units.push_back({group, j["ocr"].get<std::string>(), j["gold"].get<std::string>()});
  }
  return units;
}

}  // namespace

StatusOr<std::vector<Unit>> LoadUnits(const std::string& format, const std::string& ocr,
                                      const std::string& gold, Split split) {
  if (format == "bln600") return LoadBln600(ocr, split);
  if (format == "icdar") return LoadIcdar(ocr, gold, split);
  if (format == "pairs") return LoadPairs(ocr, gold, split);
  if (format == "jsonl") return LoadJsonl(ocr, split);
  return Status::InvalidArgument("unknown format '" + format + "' (bln600, icdar, pairs, jsonl)");
}

}  // namespace emend::eval
