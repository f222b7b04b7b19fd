package io.camaudit.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The --data-dir option every command shares. */
final class DataDirOption {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Folder for the embedded database and uploaded files (default: $CAMAUDIT_DATA_DIR or ./data)")
    @Nullable
    Path dataDir;
}
