package io.camaudit.intel.engine;

/** How a brand relates to the company that really makes what is sold under it. */
public enum BrandRelation {
    /** The maker's own brand. */
    OWN,
    /** The brand of a subsidiary of the maker. */
    SUBSIDIARY,
    /** Another company's brand on the maker's products (an OEM relabel). */
    RELABEL,
    /** A brand with its own products, some of them relabels: the model decides. */
    PARTIAL_RELABEL,
    /** Named as a relabel only by weak sources: shown for review, never resolved on. */
    LEAD
}
