#include "text/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "text/utf8.h"

namespace emend::text {

StatusOr<Lexicon> Lexicon::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open word list");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  Lexicon lex = FromText(ss.str());
  if (lex.size() == 0) return Status::Corrupt(path + ": word list has no words");
  return lex;
}

Lexicon Lexicon::FromText(std::string_view text) {
  Lexicon lex;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // One bucket per line up front: no rehashing while a list of 100,000
  // words goes in (a fifth of emend's start-up before).
  lex.entries_.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#' && IsValidUtf8(line)) lex.Add(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lex;
}

void Lexicon::Add(std::string_view word) {
  std::string key = Lower(word);
  Entry& e = entries_[key];
  if (key == word) e.lower = true;
  else if (e.cased.empty()) e.cased = std::string(word);
}

bool Lexicon::Contains(std::string_view word) const {
  return entries_.count(Lower(word)) > 0;
}

const std::string* Lexicon::CasedForm(std::string_view word) const {
  auto it = entries_.find(Lower(word));
  if (it == entries_.end() || it->second.lower || it->second.cased.empty()) return nullptr;
  return &it->second.cased;
}

}  // namespace emend::text
