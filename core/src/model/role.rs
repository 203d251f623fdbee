//! A job-family page, parsed from the handbook's Markdown into the parts the UI shows.

/// A job family: its texts, grade and hiring process.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Role {
    /// Unique within a data folder, taken from the page's path (`engineering/backend-engineer`), so pages
    /// with the same file name in different folders never collide. See `parse::role_id`.
    pub id: String,
    /// The front matter's `slug`, else the file name's: what old `?role=` links used.
    pub slug: String,
    /// The resolved path it was loaded from, for error messages and the breakdown.
    pub file: String,
    pub title: String,
    pub description: String,
    /// The first level's grade: what a page with one level states.
    pub grade: Option<u8>,
    /// The levels the page describes, in page order; a page with one level has one, titled like the page.
    /// Empty only when the page gives no grade at all.
    pub levels: Vec<Level>,
    /// A role-specific midpoint that overrides the grade's.
    pub midpoint: Option<f64>,
    pub overview: Vec<Block>,
    pub responsibilities: Vec<ItemGroup>,
    pub requirements: Vec<Vec<Inline>>,
    pub performance_indicators: Vec<Block>,
    pub career_ladder: Vec<Block>,
    pub hiring_intro: Vec<Block>,
    pub hiring_steps: Vec<HiringStep>,
    pub links: Vec<Link>,
    /// Sections with headings we do not recognise, kept so nothing written is lost.
    pub other_sections: Vec<Section>,
}

/// One level of a job family (Intermediate, Senior, Staff …): its title and grade, and what it asks of
/// someone beyond the page's common sections.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Level {
    pub title: String,
    /// `slug(title)`: what `?level=` accepts besides the level's position.
    pub slug: String,
    pub grade: Option<u8>,
    /// Where the level's grade was read, for error messages.
    pub line: usize,
    /// The level's own introduction, if it has one.
    pub overview: Vec<Block>,
    /// The level's own responsibilities; empty: the page's apply.
    pub responsibilities: Vec<ItemGroup>,
    /// The level's own requirements; empty: the page's apply.
    pub requirements: Vec<Vec<Inline>>,
}

impl Role {
    /// Whether this page is a Hugo section's own page (`…/_index.md`): a family's overview when leaf pages
    /// sit beside it.
    pub fn is_section_page(&self) -> bool {
        self.file.ends_with("/_index.md") || self.file == "_index.md"
    }

    /// Whether this page can be a family's overview: a section page that states no grade of its own. A graded
    /// `_index.md` (a department page with its own levels) is a role like any other.
    pub fn is_overview_page(&self) -> bool {
        self.is_section_page() && self.levels.is_empty() && self.grade.is_none()
    }

    /// Takes the family overview's hiring process, career ladder and performance indicators where this
    /// leaf page has none of its own: handbooks write those once, on the family's `_index.md`.
    pub fn inherit_from(&mut self, overview: &Role) {
        if self.hiring_steps.is_empty() && self.hiring_intro.is_empty() {
            self.hiring_intro = overview.hiring_intro.clone();
            self.hiring_steps = overview.hiring_steps.clone();
        }
        if self.career_ladder.is_empty() {
            self.career_ladder = overview.career_ladder.clone();
        }
        if self.performance_indicators.is_empty() {
            self.performance_indicators = overview.performance_indicators.clone();
        }
    }

    /// The level a link names: its position (1 = first) or its slug; `None` when it names none.
    pub fn level_by_key(&self, key: &str) -> Option<(usize, &Level)> {
        if let Ok(position) = key.parse::<usize>() {
            return position
                .checked_sub(1)
                .and_then(|index| self.levels.get(index).map(|level| (index, level)));
        }
        self.levels
            .iter()
            .enumerate()
            .find(|(_, level)| level.slug == key)
    }

    /// The total interview time a candidate can expect, shown next to the steps.
    pub fn hiring_minutes(&self) -> u32 {
        total_minutes(&self.hiring_steps)
    }
}

/// Sums the known durations of hiring steps, each counted as often as it happens, with the steps nested
/// under it (steps without minutes count as zero).
pub fn total_minutes(steps: &[HiringStep]) -> u32 {
    steps
        .iter()
        .map(HiringStep::total_minutes)
        .fold(0u32, u32::saturating_add)
}

/// A group of responsibilities under a bold sub-heading such as **Strategy**.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemGroup {
    pub name: Option<String>,
    pub items: Vec<Vec<Inline>>,
}

/// A heading we did not recognise and the blocks under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: Vec<Inline>,
    pub blocks: Vec<Block>,
}

/// The block-level subset of Markdown the handbook uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// Items may hold blocks of their own: a round of interviews with its interviews under it.
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    /// A GFM pipe table: a levels table names each level's grade. Cells are text only.
    Table {
        header: Vec<Vec<Inline>>,
        /// Every row has as many cells as the header (short rows are padded with empty cells).
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// One list item: its own text, and the blocks indented under it (nested lists, paragraphs).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListItem {
    /// The item's own text (its first line and any lines joined to it).
    pub content: Vec<Inline>,
    /// What is indented under it: nested lists and paragraphs, in page order.
    pub children: Vec<Block>,
}

impl ListItem {
    /// An item with text and nothing nested, the common case (and handy in tests).
    pub fn new(content: Vec<Inline>) -> ListItem {
        ListItem {
            content,
            children: Vec::new(),
        }
    }
}

/// Inline Markdown; there is deliberately no HTML variant (raw HTML stays text).
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Code(String),
    /// Only safe targets (http, https, mailto, relative) ever become links.
    Link {
        href: String,
        children: Vec<Inline>,
    },
}

/// The plain text of inline content, for headings, link texts and pattern matching.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Strong(children)
            | Inline::Emphasis(children)
            | Inline::Link { children, .. } => push_plain_text(children, out),
        }
    }
}

/// What a hiring step is, so the UI can show an icon and a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Screening,
    Interview,
    Offer,
    Other,
}

/// One step of the hiring process, read from a sentence such as "A 45 minute interview with …".
#[derive(Debug, Clone, PartialEq)]
pub struct HiringStep {
    pub kind: StepKind,
    /// The length of one occurrence.
    pub minutes: Option<u32>,
    /// How many times it happens: "Two 60 minute interviews" is 2.
    pub count: u32,
    /// Steps nested under this one in the page's list (a round and its interviews).
    pub substeps: Vec<HiringStep>,
    /// Whom the candidate meets, e.g. "Chief Marketing Officer".
    pub with: Option<String>,
    pub text: Vec<Inline>,
}

impl HiringStep {
    /// This step's time (count × minutes) plus its substeps'.
    pub fn total_minutes(&self) -> u32 {
        let own = self.minutes.unwrap_or(0).saturating_mul(self.count.max(1));
        own.saturating_add(total_minutes(&self.substeps))
    }
}

/// A relevant link from the page's "Relevant Links" section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
}
