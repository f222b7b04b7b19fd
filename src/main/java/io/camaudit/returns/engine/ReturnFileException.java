package io.camaudit.returns.engine;

/**
 * The file as a whole cannot be read: wrong encoding, not a spreadsheet, too large, hostile. The
 * message names what is wrong and where, and is safe to show the user.
 */
public class ReturnFileException extends io.camaudit.shared.BadInputException {

    public ReturnFileException(String message) {
        super(message);
    }

    public ReturnFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
