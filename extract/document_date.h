// The document date: the reference relative dates resolve against ("yesterday", "on March 18").
//
// Sources, in order (DocumentInfo::date_source names the one used):
//   "metadata"  the --date option, a JSONL `date`, Markdown front matter `date`, HTML <meta>
//               (the caller passes it in; ISO dates of any precision, timestamps cut to the day)
//   "dateline"  a date at the top of the text: a line that is a date ("September 9, 2021"), or a
//               news dateline "TOKYO, Aug. 22 (Reuters) -" / "WASHINGTON, Sept. 9, 2021 -" in
//               one of the first five non-blank lines. A dateline without a year takes the year
//               inferred from the text (below); without one it is not used.
//   "inferred"  the latest explicit year or full date the text mentions ("2018" and "June 2019"
//               -> "2019"; a full date later than every year mentioned wins: "2019-03-18").
//               Years after "by", "until", "through" and "to" (targets, not events) do not count.
//   ""          none of the above.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_DOCUMENT_DATE_H_
#define PARLEY_EXTRACT_DOCUMENT_DATE_H_

#include <string>
#include <string_view>

#include "extract/normalize.h"

namespace parley {

struct DocumentDate {
  std::string date;    // ISO, possibly partial; empty when none
  std::string source;  // "metadata", "dateline", "inferred" or ""
  friend bool operator==(const DocumentDate&, const DocumentDate&) = default;
};

// Determines the date of a document whose stored text is `text`, starting at byte `body_begin`
// (after front matter). `metadata_date` is the date the input carried, or empty; when it is
// not an ISO date it is ignored (the caller warns).
DocumentDate DetermineDocumentDate(std::string_view text, size_t body_begin, TextSyntax syntax,
                                   std::string_view metadata_date);

// The ISO date (day precision at most) of a metadata value such as "2021-03-12",
// "2021-03-12T12:13:12-05:00" or "2021-03"; empty when it is not one.
std::string NormalizeMetadataDate(std::string_view value);

}  // namespace parley

#endif  // PARLEY_EXTRACT_DOCUMENT_DATE_H_
