// Engine: runs the passes over the original input, combines, applies.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <regex>
#include <unordered_set>

#include "correct/channel.h"
#include "correct/corrector.h"
#include "edit/combine.h"
#include "gaps/lacunae.h"
#include "emend/emend.h"
#include "repair/passes.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace emend {

const char* Version() { return EMEND_VERSION_STRING; }

void FixStats::Add(const FixStats& o) {
  if (first_invalid_offset < 0 && o.first_invalid_offset >= 0)
    first_invalid_offset = static_cast<int64_t>(bytes_in) + o.first_invalid_offset;
  bytes_in += o.bytes_in;
  bytes_out += o.bytes_out;
  words += o.words;
  invalid_utf8 += o.invalid_utf8;
  edits += o.edits;
  for (int i = 0; i < kNumEditKinds; ++i) by_kind[i] += o.by_kind[i];
}

struct Engine::Impl {
  std::optional<text::Lexicon> lexicon;
  std::shared_ptr<const Model> model;
  std::optional<correct::Channel> channel;
  // The model's words for candidate generation: built on the first Fix that
  // corrects (a few hundred ms), not at start-up; shared read-only after.
  // With them, the frequent words alone (correct::kFrequentWordCount) and
  // the common ones (correct::kThirdConfusionCount).
  mutable std::once_flag trie_once;
  mutable std::optional<correct::VocabTrie> trie, frequent, common;
  void BuildTries() const {
    std::call_once(trie_once, [this] {
      trie.emplace(*model, 2);
      frequent.emplace(*model, correct::kFrequentWordCount);
      common.emplace(*model, correct::kThirdConfusionCount);
    });
  }
  const correct::VocabTrie& Trie() const { return BuildTries(), *trie; }
  const correct::VocabTrie& Frequent() const { return BuildTries(), *frequent; }
  const correct::VocabTrie& Common() const { return BuildTries(), *common; }
  std::unordered_set<std::string> user_words;  // lower case
  // The correctors' channel candidates, shared by all threads (thread-safe).
  mutable correct::CandidateCache candidates;
  std::vector<std::regex> protect;
  std::string model_id;
};

namespace {

// A word split at a lacuna (`inon` -> `in` [gap] `on`) and a correction of
// the same word: the correction wins unless it splits the word at the same
// place. In real OCR an unknown word that the channel can explain (`seyears`,
// `Ithe`) is a misread far more often than two words fused at a cut.
void ResolveFusedCuts(const std::vector<std::pair<uint64_t, size_t>>& cuts, repair::Proposals corrections,
                      repair::Proposals* proposals) {
  std::vector<bool> drop(proposals->size(), false);
  for (edit::Proposal& p : corrections) {
    bool keep = true;
    for (const auto& [cut, index] : cuts) {
      if (!(p.edit.start < cut && cut < p.edit.end)) continue;
      const size_t at = cut - p.edit.start;
      const bool same_split = (p.edit.kinds & kSplit) && p.edit.after.size() > at && p.edit.after[at] == ' ';
      if (same_split) keep = false;
      else drop[index] = true;
    }
    if (keep) proposals->push_back(std::move(p));
  }
  for (size_t i = drop.size(); i-- > 0;)
    if (drop[i]) proposals->erase(proposals->begin() + static_cast<std::ptrdiff_t>(i));
}

Status LoadCorrection(const EngineOptions& o, Engine::Impl* impl) {
  if (impl->model && !impl->model->ChannelTable().empty()) {
    auto ch = correct::Channel::Parse(impl->model->ChannelTable());
    if (!ch.ok()) return Status(ch.status().code(), "model " + impl->model->path() + ": " + ch.status().message());
    impl->channel = std::move(ch).value();
  }
  if (!o.user_lexicon_path.empty()) {
    std::ifstream in(o.user_lexicon_path);
    if (!in) return Status::NotFound(o.user_lexicon_path + ": cannot read the lexicon");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty() && line[0] != '#') impl->user_words.insert(text::Lower(line));
    }
  }
  for (const std::string& r : o.protect) {
    try {
      impl->protect.emplace_back(r, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
      return Status::InvalidArgument("--protect '" + r + "': " + e.what());
    }
  }
  return Status::Ok();
}

}  // namespace

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

StatusOr<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->model = options.model;
  if (!impl->model && !options.model_path.empty()) {
    auto m = Model::Open(options.model_path);
    if (!m.ok()) return m.status();
    impl->model = std::move(m).value();
  }
  std::vector<std::string> ids;
  if (impl->model) ids.push_back("model:" + impl->model->path());
  if (!options.lexicon_path.empty()) {
    StatusOr<text::Lexicon> lex = text::Lexicon::Load(options.lexicon_path);
    if (!lex.ok()) return lex.status();
    impl->lexicon = std::move(lex).value();
    ids.push_back("wordlist:" + options.lexicon_path);
  }
  if (Status st = LoadCorrection(options, impl.get()); !st.ok()) return st;
  for (const std::string& id : ids) impl->model_id += (impl->model_id.empty() ? "" : "+") + id;
  if (impl->model_id.empty()) impl->model_id = "none";
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const std::string& Engine::ModelId() const { return impl_->model_id; }
const Model* Engine::model() const { return impl_->model.get(); }

namespace {

// Word tokens: starts of letter/digit runs (ASCII fast path).
uint64_t CountWords(std::string_view s) {
  uint64_t n = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool w = c >= 0x80 ? (c & 0xC0) == 0x80 ? in_word : true
                       : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    n += w && !in_word;
    in_word = w;
  }
  return n;
}

// The numeral pass's proposals into `proposals`, or with it null as
// suggestions (the mended numeral at the edit's confidence, then the run as
// written).
void AddNumerals(const repair::PassInput& in, repair::Proposals* proposals, std::vector<Suggestion>* suggestions) {
  repair::Proposals found;
  repair::ProposeNumerals(in, &found);
  for (edit::Proposal& p : found) {
    if (proposals) { proposals->push_back(std::move(p)); continue; }
    const Edit& e = p.edit;
    suggestions->push_back({e.start, e.end, e.before, {{e.after, e.confidence}, {e.before, 1 - e.confidence}}});
  }
}

// Adds `more` to `*into`, both ordered by offset, keeping that order.
void MergeSuggestions(std::vector<Suggestion> more, std::vector<Suggestion>* into) {
  if (more.empty()) return;
  std::vector<Suggestion> all;
  all.reserve(into->size() + more.size());
  std::merge(std::make_move_iterator(into->begin()), std::make_move_iterator(into->end()),
             std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()), std::back_inserter(all),
             [](const Suggestion& a, const Suggestion& b) { return a.start < b.start; });
  *into = std::move(all);
}

}  // namespace

FixResult Engine::Fix(std::string_view input, const FixOptions& options) const {
  FixResult r;
  repair::PassInput in{input, impl_->lexicon ? &*impl_->lexicon : nullptr, impl_->model.get()};
  repair::Proposals proposals;
  if (options.fix_encoding) repair::ProposeEncoding(in, &proposals);
  if (options.normalize || options.normalize_spaces)
    repair::ProposeNormalization(in, options.normalize, options.normalize_spaces, &proposals);
  if (options.fix_hyphenation) repair::ProposeHyphenation(in, &proposals);
  if (options.fix_spacing) repair::ProposeSpacing(in, &proposals);
  if (options.fix_case) repair::ProposeCase(in, &proposals);
  if (options.correct) repair::ProposeStrayMarks(in, &proposals);
  // With suggest, a misread numeral is listed as a suspect, not mended
  // (nothing in the words changes), as the corrector's are.
  std::vector<Suggestion> numerals;
  if (options.correct) AddNumerals(in, options.suggest ? nullptr : &proposals, &numerals);
  const Model* model = impl_->model.get();
  std::vector<std::pair<uint64_t, size_t>> fused_cuts;  // (cut, proposal): words split at a gap
  if (options.detect_gaps && model) {
    gaps::GapOptions go;
    go.marker = options.gap_marker;
    go.min_confidence = options.gap_confidence;
    go.weights = options.gap_weights;
    go.trace = options.gap_trace;
    size_t first = proposals.size();
    gaps::ProposeGaps(input, *model, impl_->lexicon ? &*impl_->lexicon : nullptr, go, 0, &proposals);
    for (size_t i = first; i < proposals.size(); ++i)
      if (proposals[i].edit.kinds & kSplit) fused_cuts.emplace_back(proposals[i].edit.start, i);
  }
  if (options.correct && impl_->model && impl_->channel) {
    correct::CorrectOptions co;
    co.aggressiveness = options.aggressiveness;
    co.real_word = options.real_word;
    co.dehyphenate = options.fix_hyphenation;
    co.lexicon = &impl_->user_words;
    co.protect = &impl_->protect;
    co.wordlist = impl_->lexicon ? &*impl_->lexicon : nullptr;
    correct::Corrector c(*impl_->model, *impl_->channel, impl_->Trie(), &impl_->candidates, &impl_->Frequent(),
                         &impl_->Common());
    repair::Proposals corrections;
    c.Propose(input, co, 5, &corrections, options.suggest ? &r.suggestions : nullptr);
    if (!options.suggest) ResolveFusedCuts(fused_cuts, std::move(corrections), &proposals);
  }
  MergeSuggestions(std::move(numerals), &r.suggestions);
  r.edits = edit::Combine(input, std::move(proposals));
  StatusOr<std::string> out = ApplyEdits(input, r.edits);
  // Combine() guarantees a valid list; if that contract were ever broken we
  // keep the input unchanged rather than lose a byte.
  if (out.ok()) {
    r.text = std::move(out).value();
  } else {
    r.edits.clear();
    r.text = std::string(input);
  }
  text::Utf8Report u = text::CheckUtf8(input);
  r.stats.bytes_in = input.size();
  r.stats.bytes_out = r.text.size();
  r.stats.words = CountWords(input);
  r.stats.invalid_utf8 = u.invalid_sequences;
  r.stats.first_invalid_offset = u.first_invalid;
  r.stats.edits = r.edits.size();
  for (const Edit& e : r.edits)
    for (int k = 0; k < kNumEditKinds; ++k) r.stats.by_kind[k] += (e.kinds >> k) & 1;
  return r;
}

}  // namespace emend
