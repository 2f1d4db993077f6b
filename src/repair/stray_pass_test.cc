#include <gtest/gtest.h>

#include <utility>

#include "edit/test_engine.h"
#include "emend/emend.h"

namespace emend {
namespace {

std::string Fix(const std::string& text) {
  FixOptions o;
  o.detect_gaps = false;
  return DefaultModelEngine()->Fix(text, o).text;
}

// Specks read as marks in newspaper OCR (BLN600): an apostrophe before a
// word in mid-sentence, a full stop inside a sentence.
TEST(StrayMarks, SpecksReadAsMarksGo) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  const std::pair<const char*, const char*> cases[] = {
      {"He said it was no use asking the 'witness any questions.", "He said it was no use asking the witness any questions."},
      {"The prisoner, on being charged, 'said it was all a mistake.", "The prisoner, on being charged, said it was all a mistake."},
      {"He is about thirty years of age,. and has recently left the town.",
       "He is about thirty years of age, and has recently left the town."},
      {"Maybell and other officers, constables. proved the arrest.", "Maybell and other officers, constables proved the arrest."},
      {"In this affray the' baron was wounded in the arm.", "In this affray the baron was wounded in the arm."},
      {"The constable took h~er into custody at once.", "The constable took her into custody at once."},
      {"He saw the | prisoner and the * man at the door.", "He saw the prisoner and the man at the door."},
      {"The learned sergeant. sentenced him to hard labour.", "The learned sergeant sentenced him to hard labour."},
      {"An inquest was' held on the body, and he was fined 10s., or' three days.",
       "An inquest was held on the body, and he was fined 10s., or three days."},
      {"The plaintiff, on being recalled,, positively denied it.", "The plaintiff, on being recalled, positively denied it."},
      {"ROBBERY OF NEWSPAPERS.,", "ROBBERY OF NEWSPAPERS."},
      {"The banns were- published, and guests were invited.", "The banns were published, and guests were invited."},
      {"He was residing at 12, Church- street, Chelsea.", "He was residing at 12, Church-street, Chelsea."},
      {"The pri- r soner was taken by the Metropo- c litan police.", "The prisoner was taken by the Metropolitan police."},
      {"The- girl was taken to the station.", "The- girl was taken to the station."},
      {"The \xC3\xA9pri- r soner was taken.", "The \xC3\xA9pri- r soner was taken."},  // not a word's tail
      {"He was throwing stones at the- p graph office.", "He was throwing stones at the- p graph office."},
      {"The case for the Crown being .closed, he spoke.", "The case for the Crown being closed, he spoke."},
      {"She was unable to attend owing to her infirmity..", "She was unable to attend owing to her infirmity."},
      {"He left.\n.At eleven they came back.", "He left.\nAt eleven they came back."},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(Fix(in), out) << in;
}

// An underscore, tilde, backtick or backslash alone between spaces is a
// speck, away from digits; a form's blank and a tilde before a number stay.
TEST(StrayMarks, LoneJunkMarksGo) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  const std::pair<const char*, const char*> cases[] = {
      {"He was sentenced to twelve _ months' hard labour.", "He was sentenced to twelve months' hard labour."},
      {"The magistrate committed the ~ defendant for trial.", "The magistrate committed the defendant for trial."},
      {"He was remanded in custody for \\ a week.", "He was remanded in custody for a week."},
      {"The prisoner was then discharged. _ _ _", "The prisoner was then discharged."},
      {"The distance is ~ 5 miles.", "The distance is ~ 5 miles."},
      {"Signed ____ in the presence of the clerk.", "Signed ____ in the presence of the clerk."},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(Fix(in), out) << in;
}

// A comma, semicolon, colon, exclamation mark, closing bracket or full stop
// glued to the start of a word after a space is a speck; inside numbers,
// an ellipsis and a name in capitals they stay. A tilde between two words
// is the space it stands for (not in a path).
TEST(StrayMarks, MarksGluedToAWordStartGo) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  const std::pair<const char*, const char*> cases[] = {
      {"He is ;also suspected of the theft.", "He is also suspected of the theft."},
      {"The kitchen had the :appearance of a ruin.", "The kitchen had the appearance of a ruin."},
      {"He went to the ,Metropolitan Railway office.", "He went to the Metropolitan Railway office."},
      {"He had pledged ]jewellery and watches.", "He had pledged jewellery and watches."},
      {"He ran away after .Ruskin fell in the road.", "He ran away after Ruskin fell in the road."},
      {"It cost 3 ,500 francs at 10 :30 in the morning.", "It cost 3 ,500 francs at 10 :30 in the morning."},
      {"He paused . . .What then? He wrote in .NET code.", "He paused . . .What then? He wrote in .NET code."},
      {"He nearly succeeded in~murdering his wife.", "He nearly succeeded in murdering his wife."},
      {"See ~user/notes and the file at ~/data.", "See ~user/notes and the file at ~/data."},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(Fix(in), out) << in;
}

// No clause ends on an article: a comma, colon or semicolon after one, before
// a lower-case word, is a speck; a full stop only in a noisy stretch (in a
// clean one it is a cut's evidence); the Scots a' and an' and a time's a. m.
// stay.
TEST(StrayMarks, MarkAfterAnArticleGoes) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  const std::pair<const char*, const char*> cases[] = {
      {"He was the manager of the, colliery at Wigan.", "He was the manager of the colliery at Wigan."},
      {"The house was let to a; tenant of the squire.", "The house was let to a tenant of the squire."},
      {"He made an: offer for the farm.", "He made an offer for the farm."},
      {"The rnan saicl thnt he wns in the. hcuse wlth hls wlfe.", "The man said that he was in the house with his wife."},
      {"Tbe rnan saicl thnt he wns catching sight of. the offlcers.", "The man said that he was catching sight of the officers."},
      {"He spoke within the. the relationship of the two men.", "He spoke within the. the relationship of the two men."},
      {"Wi' a' the bonnie lads an' lasses.", "Wi' a' the bonnie lads an' lasses."},
      {"He left at 11 a. m. on Monday.", "He left at 11 a. m. on Monday."},
      {"Give me the, I said, and go.", "Give me the, I said, and go."},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(Fix(in), out) << in;
}

// A hyphen glued to a word after a space is a speck after a word that
// leads on (the -candle) or in a noisy stretch; after another word in clean
// text it is as often a dash, and stays.
// A hyphen read for the space after a word that leads on, in a noisy
// stretch; compounds the model knows, longer ones and a clean text keep theirs.
TEST(StrayMarks, HyphenForASpace) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("Tbe prisoncr took the-knife and had-heard the noise."),
            "The prisoner took the knife and had heard the noise.");
  for (const char* t : {"We shall meet to-morrow and to-night, said the man-servant.", "the well-known in-the-way house",
                        "The prisoner took the-knife and had heard the noise at the door of the house."})
    EXPECT_EQ(Fix(t), t) << t;
}

// In a noisy stretch an apostrophe beside a word that leads on is a speck
// even where other specks pass for the quotation's other mark; a clean
// text's quotations keep theirs.
TEST(StrayMarks, ApostrophesBesideWordsThatLeadOnInNoise) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("Tbe prisoncr said he 'had the watcb in the sack, and 'the man said 'yes' to it."),
            "The prisoner said he had the watch in the sack, and the man said 'yes' to it.");
  EXPECT_NE(Fix("He said 'yes and tbe prisoncr took his work from' local charities.").find("from local"),
            std::string::npos);
  const std::string kept = "He said 'the end is near' and left; she replied 'and so?' to him.";
  EXPECT_EQ(Fix(kept), kept);
}

// In a noisy stretch an apostrophe before any common word or misread,
// after a common word or misread, or after a word's full stop or comma is a
// speck, whatever quotation marks OCR's specks make around it; in a clean
// text the quotation keeps them.
TEST(StrayMarks, ApostrophesInNoise) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("Tbe prisoncr was arrested on 'suspicion wlth the thcft of a 'watch' from tbe house."),
            "The prisoner was arrested on suspicion with the theft of a 'watch' from the house.");
  // Before a misread too, which the corrector mends after; after one
  // between two common words, unless a letter more makes it a word (tearfu').
  EXPECT_EQ(Fix("Tbe prisoncr said 'shc was in tbe house wben the constahle camc."),
            "The prisoner said she was in the house when the constable came.");
  EXPECT_EQ(Fix("Tbe prisoncr had access tb' the jewellery in tbe hoase."),
            "The prisoner had access to the jewellery in the house.");
  EXPECT_NE(Fix("Tbe prisoncr said, Dry that tearfu' eye, to tbe wcman.").find("' eye"), std::string::npos);
  EXPECT_EQ(Fix("'Tbe prisoncr gave the evidence' about the case to tbe constahle."),
            "'The prisoner gave the evidence about the case to the constable.");
  EXPECT_EQ(Fix("Tbe prisoncr threw it through the window.' Tbe constahle found it."),
            "The prisoner threw it through the window. The constable found it.");
  EXPECT_EQ(Fix("'Tbe prisoncr threw it through the window.' Tbe constahle found it."),
            "'The prisoner threw it through the window.' The constable found it.");
  const std::string kept = "She was arrested on 'suspicion' and gave the evidence' about the case to 'the' constable.";
  EXPECT_EQ(Fix(kept), kept);
}

TEST(StrayMarks, HyphenBeforeAWord) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("He was begging the -candle from her."), "He was begging the candle from her.");
  EXPECT_NE(Fix("Tbe prisoncr said she -sent for tbe constahle, wbo camc at oncc.").find("said she sent for"),
            std::string::npos);
  for (const char* t : {"Her teeth were white -and regular.", "He came to the police -court.", "He was in a well -known house."})
    EXPECT_EQ(Fix(t), t) << t;
}

// A line-break hyphen read as a full stop: the pieces are joined when the
// whole is a common word and a piece is not, or when the model finds the
// whole likelier; two words stay apart.
TEST(StrayMarks, StopReadForALineBreakHyphen) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("The case was trans. ferred to the Central Criminal Court."),
            "The case was transferred to the Central Criminal Court.");
  EXPECT_EQ(Fix("He joined the regi. ment in the spring."), "He joined the regiment in the spring.");
  // Both pieces common words: joined only when the model finds the joined
  // word likelier after the word before.
  EXPECT_EQ(Fix("Prisoner got free and kicked wit. ness in the stomach."),
            "Prisoner got free and kicked witness in the stomach.");
  EXPECT_EQ(Fix("It may. be that he was right."), "It may be that he was right.");
  EXPECT_EQ(Fix("He gave it to every. one of them.").find("everyone"), std::string::npos);
  // A lone letter is more often debris than a piece (de. l ceased, not "del").
  EXPECT_EQ(Fix("The de. l ceased constable was there.").find("del "), std::string::npos);
}

// A paragraph does not end with a comma: the full stop's dot was read with
// a speck's tail. A comma inside a paragraph stays.
TEST(StrayMarks, CommaThatEndsAParagraph) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("The window was securely fastened,"), "The window was securely fastened.");
  EXPECT_EQ(Fix("He was tried by Judge Prentice, \n\nThe jury retired."),
            "He was tried by Judge Prentice. \n\nThe jury retired.");
  for (const char* t : {"The window was securely fastened,\nand the door was locked.", "He came to the house, and"})
    EXPECT_EQ(Fix(t), t) << t;
  // A page or an excerpt cut mid-sentence keeps its comma: a paragraph of
  // more than 150 words (the same sentence 16 times, 160 words) ends so.
  std::string page;
  for (int k = 0; k < 16; ++k) page += "The men walked along the road to the town in the rain. ";
  EXPECT_EQ(Fix(page + "The window was securely fastened,"), page + "The window was securely fastened,");
}

// A capital U inside a lower-case word is ll misread in book type where the
// model knows the ll reading far better (or knows neither and the U stands
// after a vowel, ending the word or before another vowel); the u reading
// (coUrt) is the corrector's.
TEST(StrayMarks, CapitalUForLl) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("He wiU come, and we shaU see aU of them. ShaU I go?"),
            "He will come, and we shall see all of them. Shall I go?");
  EXPECT_EQ(Fix("They rode tyU they had won the batayU."), "They rode tyll they had won the batayll.");
  EXPECT_EQ(Fix("and there they were kyUed ouer the hyUes"), "and there they were kylled ouer the hylles");
  // Nor a capital in a word that starts with a non-ASCII letter (a piece of a longer word).
  for (const char* t : {"He said againU and againU.", "The iPod and McUrk were in the hUt.", "on board the caUtter now",
                        "the caf\u00e9wiU stands"})
    EXPECT_EQ(Fix(t).find("ll"), std::string::npos) << t;
}

// A capital H is book type's ll, li or bl inside a lower-case word (aH, readHy,
// taHe), or its li at the start of one in mid-sentence (Hke); an S an ff
// ligature (staS); names and words the model knows with an h stay.
TEST(StrayMarks, CapitalReadings) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  const std::string out = Fix("so we supped at the taHe, and it was readHy done, Hke the rest of it");
  EXPECT_NE(out.find("table"), std::string::npos) << out;
  EXPECT_NE(out.find("readily"), std::string::npos) << out;
  EXPECT_NE(out.find("like the rest"), std::string::npos) << out;
  EXPECT_EQ(Fix("he took his staS and the handcuSs"), "he took his staff and the handcuffs");
  for (const char* t : {"the Hon. member spoke of Hume, a Hindu, and the Hague, with Hobbes and Hyde.",
                        "the Hall of Hilda, Hale and Hope, by Hunt", "and HE said so, aHA"})
    EXPECT_EQ(Fix(t), t) << t;
  // No ff there: waS is a stray capital (StrayCapital), not waff. (The
  // corrector may read oE as of.)
  const std::string was = Fix("he waS there, oE course");
  EXPECT_EQ(was.rfind("he was there, ", 0), 0u) << was;
}

// At a sentence's end too: a line-break hyphen read as a stop (unsuc.
// cessful.) is joined, a speck after a common word (for. trial.) goes;
// abbreviations and initials stay.
TEST(StrayMarks, StopsBeforeTheLastWordOfASentence) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("The attempt had been not wholly unsuc. cessful."), "The attempt had been not wholly unsuccessful.");
  EXPECT_EQ(Fix("He was then committed for. trial."), "He was then committed for trial.");
  for (const char* t : {"He read it in vol. iii.", "It came at six p. m."}) EXPECT_EQ(Fix(t), t) << t;
}

// A full stop alone at a line's start before a capital is a speck; an
// ellipsis spaced out at a line's start stays.
TEST(StrayMarks, StopAtTheStartOfALine) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix(". On the following day he came.\n. The prisoner said so."),
            "On the following day he came.\nThe prisoner said so.");
  for (const char* t : {". . . And so it ended.", "He came.\n.5 of it was lost."}) EXPECT_EQ(Fix(t), t) << t;
}

// A capital inside a lower-case word the model knows in lower case is its
// small letter misread (fataL, wilFully); name prefixes (McNab, MacLeod),
// short words, an I (lIe: He or lie?) and hyphenated words are left to the
// corrector.
TEST(StrayMarks, StrayCapitals) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("the wound was fataL and the triaL was wilFully delayed"),
            "the wound was fatal and the trial was wilfully delayed");
  for (const char* t : {"Mr. McNab and Mr. MacLeod met DeWitt", "the iPhone", "a pH of 7"})
    EXPECT_EQ(Fix(t), t) << t;
  // Short words too, where the model knows them well.
  EXPECT_EQ(Fix("It iS presumed that he went to tHe house."), "It is presumed that he went to the house.");
}

// A letter before a capitalised word at a word start is a speck or a stray
// letter (ILondon, lUpon, IHome, nWorking). O'Connor without its apostrophe,
// AEsop and a small letter that makes a word with the rest (wVas: the
// capital is the misread) stay.
TEST(StrayMarks, LetterBeforeACapitalisedWord) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("we lived at ILondon. lUpon this we left the IHome Office for the nWorking men"),
            "we lived at London. Upon this we left the Home Office for the Working men");
  for (const char* t : {"Mr. OConnor read AEsop", "where it aXyz was"}) EXPECT_EQ(Fix(t), t) << t;
  EXPECT_EQ(Fix("where it wVas placed"), "where it was placed");  // the corrector's reading, not Vas
}

// A full stop inside a run between two lower-case words: a lost space, or a
// speck inside one word; file and host names, abbreviations and initials stay.
TEST(StrayMarks, StopInsideARun) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("He had.evidently slept, and the dea.ling went up.to the door."),
            "He had evidently slept, and the dealing went up to the door.");
  for (const char* t : {"Read it at example.com or at gutenberg.org first.", "It was so, viz.the end of it.",
                        "The i.e. and e.g. forms, and a.b.c. in a row."})
    EXPECT_EQ(Fix(t), t) << t;
}

// An exclamation mark inside a word is an l or an i; 11 after a pronoun's
// apostrophe is 'll; 1 before 'm, 'll, 've or 'd is I. Marks between words
// and numbers stay.
TEST(StrayMarks, BangAndElevenInWords) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("If you'11 wait, I'11 go. The hea!th of a!l men, whi!e they indu!ge."),
            "If you'll wait, I'll go. The health of all men, while they indulge.");
  EXPECT_EQ(Fix("Well, 1'm sure that 1'll go, and 1\u2019ve seen it, but 1'd rather not."),
            "Well, I'm sure that I'll go, and I\u2019ve seen it, but I'd rather not.");
  EXPECT_EQ(Fix("Oh, i'm sure i'll go, said he."), "Oh, I'm sure I'll go, said he.");
  EXPECT_EQ(Fix("Thou art all the sphere. 0 Father of all, he said, 0 stay!"),
            "Thou art all the sphere. O Father of all, he said, O stay!");
  for (const char* t : {"The 10 qrs. 0 bushels and 5 5 0 A. G. were sold.", "The score was 0 to 3.", "It was 0 100 in all."})
    EXPECT_EQ(Fix(t), t) << t;
  for (const char* t : {"Wow!great, he said.", "In 1911 and in 7'11 it was so.", "The rock'11 fell.",
                        "The '1's and 11'd and 1's were counted.", "In '1'm' he wrote 1'md.",
                        "The taxi'll come; a hi'm is no word."})
    EXPECT_EQ(Fix(t), t) << t;
}

// An amount in pounds whose l. was read as 1.: after a thousands comma, before
// shillings or pence, after a word that precedes amounts; never a year, a
// date, an hour or a decimal.
TEST(StrayMarks, PoundsReadAsOne) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("He had 14,0001. owing him, and paid 41. 10s. for a reward of 21. at the door."),
            "He had 14,000l. owing him, and paid 4l. 10s. for a reward of 2l. at the door.");
  EXPECT_EQ(Fix("A watch worth 51., and 1,2501. in gold."), "A watch worth 5l., and 1,250l. in gold.");
  for (const char* t : {"He came in 1421. The war ended in 1871. They met on August 31.",
                        "He arrived at a quarter to 11. The rate of 21.5 was paid. It cost £41. then.",
                        "Chapter 11. Of the 31. men, few came back."})
    EXPECT_EQ(Fix(t), t) << t;
}

// The writer's marks stay: quotations in single quotes (a closing mark
// follows), elisions, abbreviations, sentences that end.
TEST(StrayMarks, TheWritersMarksStay) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  for (const char* t : {"He said, 'the greater the sinner, the greater the saint,' and left the room.",
                        "It is hard, and 'tis true that 'twas said by all of them.",
                        "The letter of the 3rd inst. was read to the meeting.",
                        "He went home. He was tired after the long walk.",
                        "She called the thing a 'bargain' and laughed at him.",
                        "The page is at http://example.org/~smith for all to see.",
                        "The Police~court was full.",
                        "The author* says so, and 3 * 4 is 12.",
                        "They walked on to the Capella de' Greci, and the boys' books were lost.",
                        "We drove along the Campo dell' Oro and past the Capo dell' Isola.",
                        "Merchants, noblemen. . .what have we here? A rate of .5 and then... nothing.",  // the ~ stands for a hyphen: no word Policecourt
                        "The wind blew thro' the bowers, and he was goin' home 'midst the storm.",
                        "He called it the 'dark side' of the moon, and the boys' books were lost."})
    EXPECT_EQ(Fix(t), t) << t;
}

// A lone small letter with a comma between two lower-case words of a noisy
// stretch is a speck; an amount's letter (5 l, 6 s.) and a, i, o stay.
TEST(StrayMarks, LoneLetterWithACommaInNoise) {
  if (!DefaultModelEngine()) GTEST_SKIP() << "default model not built";
  EXPECT_EQ(Fix("It was hidden by tbe l, darkness, and tbe prisoncr escaped from tbe constablc."),
            "It was hidden by the darkness, and the prisoner escaped from the constable.");
  EXPECT_EQ(Fix("He paid 5 l, 6 s. for it, and tbe prisoncr said a, b and c were sold by tbe constablc."),
            "He paid 5 l, 6 s. for it, and the prisoner said a, b and c were sold by the constable.");
}

}  // namespace
}  // namespace emend
