// The document date: the reference relative dates resolve against ("yesterday", "on March 18").
//
// Sources, in order (DocumentInfo::date_source names the one used):
//   "metadata"  the --date option, a JSONL `date`, Markdown front matter `date`, HTML <meta>
//               (the caller passes it in; ISO dates of any precision, timestamps cut to the day)
//   "dateline"  a date at the top of the text: a line that is a date ("September 9, 2021"), or a
//               news dateline "WASHINGTON, Sept. 9, 2021 -" / "Posted: May 3, 2022" in one of the
//               first five non-blank lines, at month or day precision, with its year (a
//               dateline without one, "TOKYO, Aug. 22 (Reuters) -", does not date the document).
//   ""          none of the above. A document is never dated by the dates its text mentions:
//               an essay on 1994 that mentions 2002 is not a 2002 document. Its statements take
//               their times from their own text (extract/time_context.h).
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
  std::string source;  // "metadata", "dateline" or ""
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
