package io.camaudit.diligence.engine;

/** Hostile files for tests outside this package. */
public final class UploadCheckTestBombs {

    private UploadCheckTestBombs() {}

    /** A Word document's shape whose one part expands to 200 MB of zeros (a few hundred KB on the wire). */
    public static byte[] bomb() throws Exception {
        return UploadCheckTest.bomb(200);
    }
}
