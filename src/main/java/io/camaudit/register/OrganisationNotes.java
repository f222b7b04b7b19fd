package io.camaudit.register;

import io.camaudit.shared.Viewer;
import java.util.List;

/**
 * What other features can say about an organisation on its page, such as what its cameras were
 * last found able to do. Implemented outside the register, which only shows the notes.
 */
public interface OrganisationNotes {

    List<DeviceNotes.Note> notesFor(Viewer viewer, Organisation organisation);
}
