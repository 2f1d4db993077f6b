#include "model/train.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "emend/emend.h"
#include "model/classes.h"
#include "model/file.h"
#include "model/kn.h"
#include "model/vocab.h"
#include "text/lm_tokens.h"
#include "text/utf8.h"
#include "util/read_file.h"

namespace emend::model {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kPiece = size_t{64} << 20;  // texts are scanned in pieces of about this size

// Why a file cannot be used as text, or "" if it can: empty, or binary (NUL
// bytes, or more than 1% invalid UTF-8 in its first 64 KiB).
std::string Unusable(std::string_view s) {
  if (s.empty()) return "empty";
  std::string_view head = s.substr(0, 65536);
  if (head.find('\0') != std::string_view::npos) return "binary (NUL bytes)";
  if (text::CheckUtf8(head).invalid_sequences * 100 > head.size()) return "binary (mostly invalid UTF-8)";
  return "";
}

// Calls `fn` on pieces of `s` split after a newline, each under 4 GiB.
void ForPieces(std::string_view s, const std::function<void(std::string_view)>& fn) {
  while (!s.empty()) {
    size_t cut = s.size() <= kPiece ? s.size() : s.rfind('\n', kPiece);
    cut = (cut == std::string_view::npos || cut == 0) ? std::min(s.size(), kPiece) : cut + (s.size() > kPiece);
    fn(s.substr(0, cut));
    s.remove_prefix(cut);
  }
}

// Runs `fn` over the sentences of every usable corpus file.
Status Scan(const std::vector<std::string>& files, TrainReport* r, bool first_pass, const TrainOptions& o,
            const std::function<void(std::string_view, const std::vector<text::LmToken>&)>& fn) {
  for (size_t i = 0; i < files.size(); ++i) {
    auto data = util::ReadWholeFile(files[i]);
    if (!data.ok()) return data.status();
    std::string why = Unusable(*data);
    if (!why.empty()) {
      if (first_pass) { r->skipped_files++; r->skipped.push_back(files[i] + ": " + why); }
      continue;
    }
    text::LmScanStats st;
    ForPieces(*data, [&](std::string_view piece) {
      text::LmSentences(piece, [&](const std::vector<text::LmToken>& s) { fn(piece, s); }, &st);
    });
    if (first_pass) {
      r->files++;
      r->bytes += data->size();
      r->invalid_bytes += st.invalid_bytes;
      r->tokens += st.tokens;
      r->sentences += st.sentences;
    }
    if (o.progress && (i % 10 == 9 || i + 1 == files.size()))
      o.progress(std::string(first_pass ? "vocabulary" : "n-grams") + ": " + std::to_string(i + 1) + "/" +
                 std::to_string(files.size()) + " files");
  }
  return Status::Ok();
}

std::string Surface(std::string_view piece, const text::LmToken& t) {
  if (!t.is_word) return t.text;
  std::string s(piece.substr(t.begin, t.end - t.begin));
  s = text::ApostrophesToAscii(s);
  return s;
}

// Merges the counts of `counter` and estimates the KN trie, pruned by
// `prune`; `kept` gets the n-grams kept per order.
StatusOr<BuiltTrie> Estimate(SequenceCounter* counter, const std::array<uint64_t, kMaxOrder + 1>& prune,
                             std::array<uint64_t, kMaxOrder + 1>* kept) {
  auto counts = counter->Finish();
  if (!counts.ok()) return counts.status();
  KnOptions ko;
  ko.prune = prune;
  KnStats ks;
  auto trie = BuildKneserNey(*counts, ko, &ks);
  *kept = ks.kept;
  return trie;
}

// The character model: symbols by decreasing type frequency (at most what
// order-`n` keys can hold), sequences = the vocabulary's word types.
struct CharModel {
  std::vector<uint32_t> symbols{0, 0, 0};  // id -> code point
  BuiltTrie trie;
};

StatusOr<CharModel> BuildCharModel(const VocabBuilder& v, const TrainOptions& o, TrainReport* r) {
  std::map<char32_t, uint64_t> freq;
  std::vector<std::u32string> types;
  for (uint32_t id = 3; id < v.size(); ++id) {
    // Only words (not "<num>" or marks) train the spelling model.
    std::u32string u = text::ToU32(v.Word(id));
    if (v.Word(id) == text::kNumToken || std::none_of(u.begin(), u.end(), text::IsLetter)) continue;
    for (char32_t c : u) freq[c]++;
    types.push_back(std::move(u));
  }
  std::vector<std::pair<uint64_t, char32_t>> by(freq.size());
  std::transform(freq.begin(), freq.end(), by.begin(), [](auto& p) { return std::make_pair(p.second, p.first); });
  std::sort(by.begin(), by.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  const uint64_t max_symbols = (uint64_t{1} << KeyBits(o.char_order)) - 3;
  std::map<char32_t, uint32_t> id;
  CharModel cm;
  for (size_t i = 0; i < by.size() && i < max_symbols; ++i) {
    id[by[i].second] = static_cast<uint32_t>(cm.symbols.size());
    cm.symbols.push_back(by[i].second);
  }
  SequenceCounter sc(o.char_order, static_cast<uint32_t>(cm.symbols.size()), o.counter_buffer_keys);
  for (const std::u32string& t : types) {
    std::vector<uint32_t> seq{kBos};
    for (char32_t c : t) { auto it = id.find(c); seq.push_back(it == id.end() ? kUnk : it->second); }
    seq.push_back(kEos);
    if (Status s = sc.Add(seq); !s.ok()) return s;
  }
  auto trie = Estimate(&sc, o.char_prune, &r->char_ngrams);
  if (!trie.ok()) return trie.status();
  cm.trie = std::move(trie).value();
  return cm;
}

json Metadata(const TrainOptions& o, const TrainReport& r, const std::vector<std::string>& excluded) {
  json opts = {{"order", o.order}, {"char_order", o.char_order}, {"min_count", o.min_count},
               {"max_vocab", o.max_vocab}, {"prune", std::vector<uint64_t>(o.prune.begin() + 2, o.prune.begin() + o.order + 1)},
               {"char_prune", std::vector<uint64_t>(o.char_prune.begin() + 2, o.char_prune.begin() + o.char_order + 1)},
               {"smoothing", "interpolated modified Kneser-Ney"}};
  json corpus = {{"files", r.files}, {"bytes", r.bytes}, {"tokens", r.tokens}, {"sentences", r.sentences},
                 {"skipped_files", r.skipped_files}, {"invalid_utf8_bytes", r.invalid_bytes},
                 {"excluded", excluded}};
  json sizes = {{"vocab", r.vocab}, {"distinct_words", r.distinct_words},
                {"ngrams", std::vector<uint64_t>(r.ngrams.begin() + 1, r.ngrams.begin() + o.order + 1)},
                {"char_ngrams", std::vector<uint64_t>(r.char_ngrams.begin() + 1, r.char_ngrams.begin() + o.char_order + 1)},
                {"class_ngrams", std::vector<uint64_t>(r.class_ngrams.begin() + 1, r.class_ngrams.begin() + o.class_order + 1)}};
  return {{"kind", "emend-model"}, {"created_by", std::string("emend ") + Version()}, {"name", o.name},
          {"word_order", o.order}, {"char_order", o.char_order}, {"class_order", o.class_order}, {"options", opts}, {"corpus", corpus}, {"sizes", sizes}};
}

Status CheckOptions(const TrainOptions& o) {
  if (o.order < 1 || o.order > 3) return Status::InvalidArgument("--order must be 1, 2 or 3");
  if (o.char_order < 1 || o.char_order > kMaxOrder) return Status::InvalidArgument("--char-order must be 1..6");
  if (o.class_order < 0 || o.class_order > kMaxOrder) return Status::InvalidArgument("--class-order must be 0..6");
  for (int k = 2; k <= kMaxOrder; ++k)
    if (o.prune[k] == 0 || o.char_prune[k] == 0 || o.class_prune[k] == 0)
      return Status::InvalidArgument("prune thresholds must be >= 1");
  return Status::Ok();
}

// The class of each vocabulary id (model/classes.h), stored as cls.map.
std::vector<uint32_t> ClassMap(const VocabBuilder& v) {
  std::vector<uint32_t> map(v.size(), 0);
  for (uint32_t id = 1; id < v.size(); ++id) map[id] = ClassOfWord(id, v.Word(id), v.Capitalised(id));
  return map;
}

struct Tries {
  BuiltTrie words, classes;
};

// Second pass: word and class n-gram counts (spilled and merged as needed),
// then KN. The counts are freed when this returns.
StatusOr<Tries> CountAndEstimate(const std::vector<std::string>& files, const VocabBuilder& vocab,
                                 const std::vector<uint32_t>& class_map, const TrainOptions& o, TrainReport* r) {
  SequenceCounter counter(o.order, vocab.size(), o.counter_buffer_keys);
  const int co = std::max(o.class_order, 1);
  SequenceCounter class_counter(co, ClassCount(), o.class_order ? o.counter_buffer_keys : 1);
  std::vector<uint32_t> seq, cls;
  Status add;
  Status s = Scan(files, r, false, o, [&](std::string_view, const std::vector<text::LmToken>& sent) {
    seq.assign(1, kBos);
    cls.assign(1, kBos);
    for (const text::LmToken& t : sent) {
      seq.push_back(vocab.Find(t.text));
      cls.push_back(seq.back() ? class_map[seq.back()] : ClassOfWord(0, t.text, false));
    }
    seq.push_back(kEos);
    cls.push_back(kEos);
    if (add.ok()) add = counter.Add(seq);
    if (add.ok() && o.class_order) add = class_counter.Add(cls);
  });
  if (!s.ok()) return s;
  if (!add.ok()) return add;
  if (o.progress) o.progress("merging counts, estimating (Kneser-Ney)");
  Tries t;
  auto words = Estimate(&counter, o.prune, &r->ngrams);
  if (!words.ok()) return words.status();
  t.words = std::move(words).value();
  if (!o.class_order) return t;
  if (o.progress) o.progress("class model");
  auto classes = Estimate(&class_counter, o.class_prune, &r->class_ngrams);
  if (!classes.ok()) return classes.status();
  t.classes = std::move(classes).value();
  return t;
}

}  // namespace

StatusOr<std::vector<std::string>> CorpusFiles(const TrainOptions& o) {
  std::vector<std::string> files;
  std::set<std::string> skip(o.exclude.begin(), o.exclude.end());
  for (const std::string& root : o.corpus) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      if (!skip.count(root)) files.push_back(root);
      continue;
    }
    if (!fs::is_directory(root, ec)) return Status::NotFound(root + ": no such file or directory");
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file() || it->path().extension() != ".txt") continue;
      std::string rel = fs::relative(it->path(), root).string();
      if (!skip.count(rel) && !skip.count(it->path().string())) found.push_back(it->path().string());
    }
    if (ec) return Status::IOError(root + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Status Train(const TrainOptions& o, const std::string& out, TrainReport* r) {
  if (Status s = CheckOptions(o); !s.ok()) return s;
  auto files = CorpusFiles(o);
  if (!files.ok()) return files.status();
  if (files->empty()) return Status::InvalidArgument("the corpus has no .txt files");
  *r = TrainReport();
  VocabBuilder vocab;
  Status s = Scan(*files, r, true, o, [&](std::string_view piece, const std::vector<text::LmToken>& sent) {
    for (const text::LmToken& t : sent) vocab.Add(t.text, Surface(piece, t));
  });
  if (!s.ok()) return s;
  if (r->tokens == 0) return Status::InvalidArgument("the corpus has no usable text (" + std::to_string(r->skipped_files) + " files skipped)");
  r->distinct_words = vocab.distinct_seen();
  vocab.Finish(o.min_count, o.max_vocab);
  r->vocab = vocab.size();
  if (KeyBits(o.order) < 32 && vocab.size() - 1 > (uint64_t{1} << KeyBits(o.order)) - 1)
    return Status::InvalidArgument("vocabulary too large for order " + std::to_string(o.order) + "; raise --min-count");
  const std::vector<uint32_t> class_map = ClassMap(vocab);
  auto trie = CountAndEstimate(*files, vocab, class_map, o, r);
  if (!trie.ok()) return trie.status();
  if (o.progress) o.progress("character model");
  auto chars = BuildCharModel(vocab, o, r);
  if (!chars.ok()) return chars.status();
  FileWriter w;
  for (Status st : {vocab.AddSections(&w), AddTrieSections(trie->words, "word", &w, o.index),
                    AddTrieSections(chars->trie, "char", &w, o.index), w.AddArray("char.symbols", chars->symbols)})
    if (!st.ok()) return st;
  if (o.class_order)
    for (Status st : {AddTrieSections(trie->classes, "cls", &w, o.index), w.AddArray("cls.map", class_map)})
      if (!st.ok()) return st;
  json meta = Metadata(o, *r, o.exclude);
  r->metadata_json = meta.dump();
  w.SetMetadata(r->metadata_json);
  if (o.progress) o.progress("writing " + out);
  return w.Write(out);
}

}  // namespace emend::model
