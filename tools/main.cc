// The parley executable: everything lives in parley_cli so tests can run the CLI in-process.
#include "tools/cli/cli.h"

int main(int argc, char** argv) { return parley::cli::Main(argc, argv); }
