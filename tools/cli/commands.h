// The command handlers, one file each (tools/cli/cmd_<name>.cc). Each has Run<Name>, which
// parses its flags and runs, and Help<Name>, which prints its full help.
#ifndef PARLEY_TOOLS_CLI_COMMANDS_H_
#define PARLEY_TOOLS_CLI_COMMANDS_H_

#include <iosfwd>

#include "tools/cli/command.h"

namespace parley::cli {

int RunExtract(const CommandContext& context);
void HelpExtract(std::ostream& out);
int RunIngest(const CommandContext& context);
void HelpIngest(std::ostream& out);
int RunBackup(const CommandContext& context);
int RunCheck(const CommandContext& context);
void HelpCheck(std::ostream& out);
void HelpBackup(std::ostream& out);
int RunRules(const CommandContext& context);
void HelpRules(std::ostream& out);
int RunQuery(const CommandContext& context);
void HelpQuery(std::ostream& out);
int RunEntity(const CommandContext& context);
void HelpEntity(std::ostream& out);
int RunTimeline(const CommandContext& context);
void HelpTimeline(std::ostream& out);
int RunStats(const CommandContext& context);
void HelpStats(std::ostream& out);
int RunExport(const CommandContext& context);
void HelpExport(std::ostream& out);
int RunGraph(const CommandContext& context);
void HelpGraph(std::ostream& out);
int RunVocab(const CommandContext& context);
void HelpVocab(std::ostream& out);

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_COMMANDS_H_
