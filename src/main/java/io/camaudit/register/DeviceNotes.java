package io.camaudit.register;

import io.camaudit.shared.Viewer;
import java.util.List;

/**
 * What other features can say about a device on its page, such as who really made it and what the
 * organisation's policy says of it. Implemented outside the register, which only shows the notes.
 */
public interface DeviceNotes {

    /** A labelled note: a short value, the details behind it, and a tag colour (GOV.UK tag modifier, or empty). */
    record Note(String label, String value, String tag, List<String> details) {}

    List<Note> notesFor(Viewer viewer, Device device);
}
