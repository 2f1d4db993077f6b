// Word classes for the class n-gram model (docs/model-format.md, "Class
// model"). The kClassTopWords most frequent tokens (function words, marks,
// <num>) are their own class; every other word falls into one class by its
// look: mostly capitalised in the corpus (a name), else by its ending (-ing,
// -ed, -ly, -s ...). The class model sees "will <ly> be <ed>" where the word
// model has never seen "will inevitably be filled", so it can tell "be" from
// the misread "he" there.
#ifndef EMEND_MODEL_CLASSES_H_
#define EMEND_MODEL_CLASSES_H_

#include <cstdint>
#include <string_view>

namespace emend::model {

constexpr uint32_t kClassTopWords = 250;
// Class ids: 0 unused (<unk> never occurs), 1 <s>, 2 </s>, then the top
// words with their word ids (3 .. 3 + kClassTopWords - 1), then the
// capitalised class, then the ending classes.
constexpr uint32_t kCapitalisedClass = 3 + kClassTopWords;
constexpr uint32_t kFirstEndingClass = kCapitalisedClass + 1;
uint32_t EndingClassCount();
inline uint32_t ClassCount() { return kFirstEndingClass + EndingClassCount(); }

// The ending class of a lower-cased word (0 .. EndingClassCount() - 1).
uint32_t EndingClass(std::string_view lower);

// The class of word id `id` (ids by decreasing corpus count, as in the
// vocabulary); `capitalised`: most of the word's corpus occurrences start
// with a capital. Out-of-vocabulary words (id 0) get their ending class.
inline uint32_t ClassOfWord(uint32_t id, std::string_view lower, bool capitalised) {
  if (id != 0 && id < 3 + kClassTopWords) return id;
  if (id != 0 && capitalised) return kCapitalisedClass;
  return kFirstEndingClass + EndingClass(lower);
}

}  // namespace emend::model

#endif  // EMEND_MODEL_CLASSES_H_
