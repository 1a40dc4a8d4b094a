// Generated from openapi.yaml by `npm run generate -w @partnerkit/api`. Do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, its role and its partner organisation */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a short-lived partner session token (vendor admin only)
         * @description The vendor's own server calls this with its vendor-admin API key before it renders the
         *     portal page, and hands the token to the components. The partner user is created on first
         *     use and matched by email afterwards.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The vendor's products that deals and assets refer to */
        get: operations["listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deal registrations, newest first
         * @description A partner sees its own organisation's registrations; a vendor admin sees all.
         */
        get: operations["listDealRegistrations"];
        put?: never;
        /**
         * Register a deal
         * @description Checks conflicts and stores the registration in one transaction. An active registration of
         *     another partner for the same customer and product, or a customer on the vendor's
         *     direct-sales list, answers 409 with code `deal_conflict`. A similar but not equal customer
         *     name is stored and flagged for review (`flags` contains `similar_customer`).
         */
        post: operations["registerDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The vendor's custom registration fields */
        get: operations["listDealFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/conflict-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Would this customer conflict? (never reveals another partner's data) */
        post: operations["checkDealConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        /** One registration with its status history */
        get: operations["getDealRegistration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the protection of an approved registration, once, before it ends */
        post: operations["requestDealExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a submitted registration to under review (vendor admin only) */
        post: operations["startDealReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a registration and start its protection (vendor admin only) */
        post: operations["approveDealRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a registration with a reason (vendor admin only) */
        post: operations["rejectDealRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deal-registrations/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report an approved registration as won or lost
         * @description Won deals count toward the partner's trailing-twelve-month closed revenue.
         */
        post: operations["reportDealOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/learning-paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Learning paths for the caller's partner type and role */
        get: operations["listLearningPaths"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Courses with their modules */
        get: operations["listCourses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's enrolments (or the organisation's, for partner admins) */
        get: operations["listEnrollments"];
        put?: never;
        /** Enrol the caller in a course (enrolling again returns the existing enrolment) */
        post: operations["enroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/modules/{moduleId}/completion": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
                moduleId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a module complete; completing a certification course grants the certification */
        post: operations["completeModule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Certifications earned in the caller's organisation */
        get: operations["listCertifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The program's tiers, lowest first, with criteria and benefits */
        get: operations["listTiers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tier-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's current tier and progress toward the next */
        get: operations["getTierProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/funds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner's funds per period with their arithmetic */
        get: operations["listMdfFunds"];
        put?: never;
        /** Allocate a fund to a partner for a period (vendor admin only) */
        post: operations["createMdfFund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MDF requests, newest first, with their claims */
        get: operations["listMdfRequests"];
        put?: never;
        /** Request funds for an activity (never above the fund's remaining amount) */
        post: operations["createMdfRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        /** One MDF request with its claims and history */
        get: operations["getMdfRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a request in full or in part (vendor admin only) */
        post: operations["approveMdfRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a request with a reason; its reservation is released (vendor admin only) */
        post: operations["rejectMdfRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/requests/{id}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim actual spend against an approved request (never above the approved amount) */
        post: operations["createMdfClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/claims/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a claim in full or in part (vendor admin only) */
        post: operations["approveMdfClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/claims/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a claim with a reason (vendor admin only) */
        post: operations["rejectMdfClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mdf/claims/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record payment of an approved claim (vendor admin only) */
        post: operations["payMdfClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the vendor-approved, unexpired assets */
        get: operations["listAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        /** One asset, with its co-brand template where it has one */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{id}/downloads": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a download (co-branded or plain) and get a short-lived file URL */
        post: operations["createAssetDownload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file behind a download URL (the signed token is the authorisation) */
        get: operations["getFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Id: string;
        /**
         * Format: date-time
         * @description ISO 8601 in UTC.
         */
        Timestamp: string;
        /**
         * Format: date
         * @description A calendar day, `YYYY-MM-DD`.
         */
        Day: string;
        /** @description ISO 4217. */
        CurrencyCode: string;
        Money: {
            /** @description Minor units (cents for USD). */
            amount: number;
            currency: components["schemas"]["CurrencyCode"];
        };
        /** @description ISO 3166-1 alpha-2. */
        CountryCode: string;
        /** @description A BCP 47 language tag such as `en` or `de-DE`. */
        LanguageTag: string;
        /** Format: email */
        Email: string;
        /** @enum {string} */
        PartnerType: "reseller" | "var" | "isv" | "si" | "msp" | "referral" | "marketplace";
        /** @enum {string} */
        Role: "partner_user" | "partner_admin" | "vendor_admin";
        Actor: {
            /** @enum {string} */
            type: "partner" | "vendor" | "system";
            id: string | null;
            name: string;
        };
        /** @description One appended entry of a status history; entries are never changed or removed. */
        StatusChange: {
            from: string | null;
            to: string;
            at: components["schemas"]["Timestamp"];
            actor: components["schemas"]["Actor"];
            reason: string | null;
        };
        /** @description An RFC 9457 problem document. */
        Problem: {
            /** @description A URI reference identifying the problem type. */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            /**
             * @description Machine code: validation_failed, unauthenticated, forbidden, not_found, deal_conflict,
             *     invalid_state, already_extended, exceeds_remaining, exceeds_approved, exceeds_requested,
             *     exceeds_claimed, currency_mismatch, fund_closed, fund_overlap, invalid_file,
             *     unknown_product, unknown_field, idempotency_key_reused, idempotency_in_progress,
             *     rate_limited, internal, unavailable, gone.
             */
            code: string;
            requestId?: string;
            errors?: components["schemas"]["FieldError"][];
            conflict?: components["schemas"]["ConflictCheckResult"];
        };
        FieldError: {
            /** @description JSON Pointer into the body, or `/query/<name>`, `/path/<name>`, `/header/<name>`. */
            pointer: string;
            /** @description required, type, format, pattern, min_length, max_length, minimum, maximum, enum, unknown_property, ... */
            code: string;
            message: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            database: "pglite" | "postgres";
            version?: string;
        };
        User: {
            id: components["schemas"]["Id"];
            name: string;
            email: components["schemas"]["Email"];
            role: components["schemas"]["Role"];
        };
        Contact: {
            name: string;
            email: components["schemas"]["Email"];
            phone?: string;
            title?: string;
        };
        TierRef: {
            id: components["schemas"]["Id"];
            name: string;
            rank: number;
        };
        PartnerOrganization: {
            id: components["schemas"]["Id"];
            name: string;
            type: components["schemas"]["PartnerType"];
            tier: components["schemas"]["TierRef"];
            /** @description Sales region, e.g. `EMEA`, `NA`, `APAC`, `LATAM`. */
            region: string;
            country?: components["schemas"]["CountryCode"];
            website?: string | null;
            logoUrl: string | null;
            contact: components["schemas"]["Contact"];
        };
        Program: {
            vendorName: string;
            protectionDays: number;
            extensionDays: number;
            defaultCurrency: components["schemas"]["CurrencyCode"];
        };
        Me: {
            user: components["schemas"]["User"];
            /** @description The caller's partner organisation; `null` for vendor admins. */
            partner: components["schemas"]["PartnerOrganization"] | null;
            program: components["schemas"]["Program"];
            /**
             * Format: date-time
             * @description When the caller's session token expires; `null` for API keys.
             */
            sessionExpiresAt?: string | null;
        };
        SessionInput: {
            partnerId: components["schemas"]["Id"];
            user: {
                email: components["schemas"]["Email"];
                name: string;
                /**
                 * @default partner_user
                 * @enum {string}
                 */
                role: "partner_user" | "partner_admin";
            };
            /** @default 900 */
            ttlSeconds: number;
        };
        Session: {
            token: string;
            expiresAt: components["schemas"]["Timestamp"];
            partnerId: components["schemas"]["Id"];
            user: components["schemas"]["User"];
        };
        Product: {
            id: components["schemas"]["Id"];
            name: string;
            family: string;
        };
        /** @enum {string} */
        DealStatus: "submitted" | "under_review" | "approved" | "rejected" | "expired" | "won" | "lost";
        /**
         * @description `sourced`: the partner found the opportunity; `influenced`: it helped close one it did not find.
         * @enum {string}
         */
        Sourcing: "sourced" | "influenced";
        CustomerInput: {
            company: string;
            /** @description The customer's web domain, e.g. `acme.com` (a leading `www.` is ignored). */
            domain?: string;
            country: components["schemas"]["CountryCode"];
            /** @description State, province or region. */
            region?: string;
            contact: components["schemas"]["Contact"];
        };
        /** @description Values of the vendor's custom fields, by key. */
        CustomFieldValues: {
            [key: string]: string | number | boolean | null;
        };
        DealRegistrationInput: {
            customer: components["schemas"]["CustomerInput"];
            products: components["schemas"]["Id"][];
            estimatedValue: components["schemas"]["Money"];
            expectedCloseDate: components["schemas"]["Day"];
            sourcing: components["schemas"]["Sourcing"];
            notes?: string;
            customFields?: components["schemas"]["CustomFieldValues"];
        };
        DealExtension: {
            requestedAt: components["schemas"]["Timestamp"];
            reason: string;
            previousEnd: components["schemas"]["Timestamp"];
            newEnd: components["schemas"]["Timestamp"];
        };
        DealRegistration: {
            id: components["schemas"]["Id"];
            /** @description Human-readable reference such as `DR-2026-000042`. */
            reference: string;
            partnerId: components["schemas"]["Id"];
            /** @description Present for vendor admins. */
            partnerName?: string;
            status: components["schemas"]["DealStatus"];
            customer: components["schemas"]["CustomerInput"];
            products: components["schemas"]["Product"][];
            estimatedValue: components["schemas"]["Money"];
            expectedCloseDate: components["schemas"]["Day"];
            sourcing: components["schemas"]["Sourcing"];
            notes: string | null;
            customFields: {
                [key: string]: string | number | boolean | null;
            };
            /** @description `similar_customer`: a close but not equal customer exists; review it. */
            flags: "similar_customer"[];
            /**
             * Format: date-time
             * @description End of protection for approved registrations.
             */
            protectedUntil: string | null;
            extension: components["schemas"]["DealExtension"] | null;
            canRequestExtension: boolean;
            rejectionReason: string | null;
            closedValue: components["schemas"]["Money"] | null;
            submittedBy: {
                id: string;
                name: string;
            };
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            history: components["schemas"]["StatusChange"][];
        };
        DealRegistrationPage: {
            items: components["schemas"]["DealRegistration"][];
            nextCursor: string | null;
        };
        ConflictCheckInput: {
            company: string;
            domain?: string;
            products?: components["schemas"]["Id"][];
        };
        ConflictReason: {
            /** @enum {string} */
            code: "active_registration" | "direct_account" | "similar_customer" | "own_registration";
            message: string;
            /** @description Only for `own_registration`: the caller's own registration. */
            registrationId?: components["schemas"]["Id"];
        };
        ConflictCheckResult: {
            /**
             * @description `conflict` blocks registration; `review` is allowed but flagged.
             * @enum {string}
             */
            result: "clear" | "review" | "conflict";
            reasons: components["schemas"]["ConflictReason"][];
        };
        ExtensionInput: {
            reason: string;
        };
        DecisionNote: {
            note?: string;
        };
        ApproveDealInput: {
            /** @description Overrides the program's protection period for this registration. */
            protectionDays?: number;
            note?: string;
        };
        RejectInput: {
            reason: string;
        };
        DealOutcomeInput: {
            /** @enum {string} */
            outcome: "won" | "lost";
            closedValue?: components["schemas"]["Money"];
            reason?: string;
        };
        CustomField: {
            key: string;
            label: string;
            hint?: string | null;
            /** @enum {string} */
            type: "text" | "number" | "select" | "date" | "checkbox";
            required: boolean;
            /** @description For `select`. */
            options?: {
                value: string;
                label: string;
            }[];
            min?: number;
            max?: number;
            maxLength?: number;
            /** @description Labels, hints and option labels by language tag. */
            translations?: {
                [key: string]: {
                    label?: string;
                    hint?: string;
                    options?: {
                        [key: string]: string;
                    };
                };
            };
        };
        PartnerScope: {
            partnerTypes: components["schemas"]["PartnerType"][];
            roles: ("partner_user" | "partner_admin")[];
        };
        LearningPath: {
            id: components["schemas"]["Id"];
            name: string;
            description: string;
            audience: components["schemas"]["PartnerScope"];
            courseIds: components["schemas"]["Id"][];
            certification: components["schemas"]["CertificationDefinition"] | null;
        };
        CertificationDefinition: {
            id: components["schemas"]["Id"];
            name: string;
            validityMonths: number;
        };
        CourseModule: {
            id: components["schemas"]["Id"];
            title: string;
            durationMinutes: number;
            position: number;
        };
        Course: {
            id: components["schemas"]["Id"];
            title: string;
            description: string;
            /** @enum {string} */
            level: "beginner" | "intermediate" | "advanced";
            language: components["schemas"]["LanguageTag"];
            durationMinutes: number;
            audience: components["schemas"]["PartnerScope"];
            modules: components["schemas"]["CourseModule"][];
            /** @description The certification that completing this course grants, if any. */
            certification: components["schemas"]["CertificationDefinition"] | null;
        };
        CoursePage: {
            items: components["schemas"]["Course"][];
            nextCursor: string | null;
        };
        EnrollmentInput: {
            courseId: components["schemas"]["Id"];
        };
        Enrollment: {
            id: components["schemas"]["Id"];
            courseId: components["schemas"]["Id"];
            userId: components["schemas"]["Id"];
            userName?: string;
            /** @enum {string} */
            status: "enrolled" | "in_progress" | "completed";
            completedModuleIds: components["schemas"]["Id"][];
            /** @description Completed share of the course's modules. */
            progress: number;
            enrolledAt: components["schemas"]["Timestamp"];
            /** Format: date-time */
            completedAt: string | null;
            lastActivityAt: components["schemas"]["Timestamp"];
        };
        EnrollmentPage: {
            items: components["schemas"]["Enrollment"][];
            nextCursor: string | null;
        };
        ModuleCompletion: {
            enrollment: components["schemas"]["Enrollment"];
            /** @description The certification granted by this completion, if it granted one. */
            certification: components["schemas"]["Certification"] | null;
        };
        Certification: {
            id: components["schemas"]["Id"];
            definitionId: components["schemas"]["Id"];
            name: string;
            userId: components["schemas"]["Id"];
            userName: string;
            courseId: components["schemas"]["Id"];
            earnedAt: components["schemas"]["Timestamp"];
            expiresAt: components["schemas"]["Timestamp"];
            /**
             * @description `expiring`: within 60 days of expiry, renew it; `expired` no longer counts toward tiers.
             * @enum {string}
             */
            status: "active" | "expiring" | "expired";
            /** @description The tiers whose certified-people requirement this certification helps meet. */
            countsToward: components["schemas"]["TierRef"][];
        };
        CertificationPage: {
            items: components["schemas"]["Certification"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        TierCriterionKey: "closed_revenue" | "certified_people" | "registered_deals" | "customer_satisfaction";
        TierCriterion: {
            key: components["schemas"]["TierCriterionKey"];
            label: string;
            /** @enum {string} */
            unit: "money" | "count" | "score";
            /** @description Minor units for `money`; a score from 0 to 5 for `score`. */
            required: number;
            currency?: components["schemas"]["CurrencyCode"];
            /** @description The trailing window the criterion is measured over, where it has one. */
            windowMonths?: number;
            /** @description For `certified_people`: the certifications that count (all when absent). */
            certificationIds?: components["schemas"]["Id"][];
        };
        TierBenefit: {
            key: string;
            label: string;
            description?: string;
        };
        Tier: {
            id: components["schemas"]["Id"];
            name: string;
            rank: number;
            criteria: components["schemas"]["TierCriterion"][];
            benefits: components["schemas"]["TierBenefit"][];
        };
        CriterionProgress: {
            key: components["schemas"]["TierCriterionKey"];
            label: string;
            /** @enum {string} */
            unit: "money" | "count" | "score";
            currency?: components["schemas"]["CurrencyCode"];
            current: number;
            required: number;
            remaining: number;
            met: boolean;
        };
        TierProgress: {
            partnerId: components["schemas"]["Id"];
            currentTier: components["schemas"]["TierRef"];
            nextTier: components["schemas"]["TierRef"] | null;
            /** @description Every criterion of the next tier (of the current tier at the top). */
            criteria: components["schemas"]["CriterionProgress"][];
            currentBenefits: components["schemas"]["TierBenefit"][];
            nextBenefits: components["schemas"]["TierBenefit"][];
            reviewDate: components["schemas"]["Day"];
            /** @description Below the current tier's requirements, the tier is kept until `endsOn`. */
            grace: {
                active: boolean;
                /** Format: date */
                endsOn: string | null;
                /** @description The tier the partner's records qualify for now. */
                qualifiedTier: components["schemas"]["TierRef"];
            };
            computedAt: components["schemas"]["Timestamp"];
        };
        MdfPeriod: {
            label: string;
            startsOn: components["schemas"]["Day"];
            endsOn: components["schemas"]["Day"];
        };
        /**
         * @description All amounts in minor units of `currency`. `requested`: pending requests;
         *     `approved`: reserved by approved requests; `claimed`: approved claims;
         *     `remaining` = allocated - requested - approved.
         */
        MdfFund: {
            id: components["schemas"]["Id"];
            partnerId: components["schemas"]["Id"];
            period: components["schemas"]["MdfPeriod"];
            currency: components["schemas"]["CurrencyCode"];
            allocated: number;
            requested: number;
            approved: number;
            claimed: number;
            remaining: number;
        };
        MdfFundInput: {
            partnerId: components["schemas"]["Id"];
            period: components["schemas"]["MdfPeriod"];
            allocated: components["schemas"]["Money"];
        };
        /** @enum {string} */
        MdfActivityType: "event" | "webinar" | "digital_campaign" | "content_syndication" | "trade_show" | "training" | "other";
        /** @enum {string} */
        MdfRequestStatus: "submitted" | "approved" | "partially_approved" | "rejected" | "expired";
        MdfRequestInput: {
            fundId: components["schemas"]["Id"];
            activityType: components["schemas"]["MdfActivityType"];
            title: string;
            description: string;
            startsOn: components["schemas"]["Day"];
            endsOn: components["schemas"]["Day"];
            requestedAmount: components["schemas"]["Money"];
            expectedOutcome: components["schemas"]["MdfOutcome"];
        };
        MdfOutcome: {
            leads: number;
            pipeline: components["schemas"]["Money"];
        };
        MdfRequest: {
            id: components["schemas"]["Id"];
            reference: string;
            fundId: components["schemas"]["Id"];
            partnerId: components["schemas"]["Id"];
            partnerName?: string;
            activityType: components["schemas"]["MdfActivityType"];
            title: string;
            description: string;
            startsOn: components["schemas"]["Day"];
            endsOn: components["schemas"]["Day"];
            requestedAmount: components["schemas"]["Money"];
            approvedAmount: components["schemas"]["Money"] | null;
            expectedOutcome: components["schemas"]["MdfOutcome"];
            status: components["schemas"]["MdfRequestStatus"];
            rejectionReason: string | null;
            claims: components["schemas"]["MdfClaim"][];
            createdAt: components["schemas"]["Timestamp"];
            updatedAt: components["schemas"]["Timestamp"];
            history: components["schemas"]["StatusChange"][];
        };
        MdfRequestPage: {
            items: components["schemas"]["MdfRequest"][];
            nextCursor: string | null;
        };
        ApproveAmountInput: {
            /** @description Less than requested makes a partial approval; absent approves in full. */
            amount?: components["schemas"]["Money"];
            note?: string;
        };
        ProofFileInput: {
            fileName: string;
            /** @enum {string} */
            contentType: "application/pdf" | "image/png" | "image/jpeg";
            dataBase64: string;
        };
        ProofFile: {
            id: components["schemas"]["Id"];
            fileName: string;
            contentType: string;
            size: number;
        };
        MdfClaimInput: {
            amount: components["schemas"]["Money"];
            proofs: components["schemas"]["ProofFileInput"][];
            results: components["schemas"]["MdfClaimResults"];
        };
        MdfClaimResults: {
            leads: number;
            pipeline: components["schemas"]["Money"];
            notes?: string;
        };
        /** @enum {string} */
        MdfClaimStatus: "submitted" | "approved" | "rejected" | "paid";
        MdfClaim: {
            id: components["schemas"]["Id"];
            requestId: components["schemas"]["Id"];
            amount: components["schemas"]["Money"];
            approvedAmount: components["schemas"]["Money"] | null;
            proofs: components["schemas"]["ProofFile"][];
            results: components["schemas"]["MdfClaimResults"];
            status: components["schemas"]["MdfClaimStatus"];
            rejectionReason: string | null;
            /** Format: date-time */
            paidAt: string | null;
            createdAt: components["schemas"]["Timestamp"];
            history: components["schemas"]["StatusChange"][];
        };
        /** @enum {string} */
        AssetType: "brochure" | "datasheet" | "case_study" | "presentation" | "logo" | "banner" | "social" | "email_template" | "video" | "whitepaper";
        /** @enum {string} */
        AssetAudience: "end_customer" | "partner_sales" | "partner_marketing" | "technical";
        /** @enum {string} */
        AssetFormat: "pdf" | "svg" | "png" | "jpg" | "mp4" | "pptx" | "html";
        Asset: {
            id: components["schemas"]["Id"];
            title: string;
            description: string;
            type: components["schemas"]["AssetType"];
            format: components["schemas"]["AssetFormat"];
            products: components["schemas"]["Id"][];
            language: components["schemas"]["LanguageTag"];
            audience: components["schemas"]["AssetAudience"];
            tags: string[];
            thumbnailUrl: string | null;
            /** @description Bytes. */
            size: number;
            coBrandable: boolean;
            publishedAt: components["schemas"]["Timestamp"];
            /** Format: date-time */
            expiresAt: string | null;
            downloadCount: number;
        };
        /**
         * @description A rectangle of the template, in the template's units (SVG user units, PDF points), with
         *     `x` and `y` its top-left corner measured from the top-left of the template (or page), as in
         *     SVG. Text slots are one line, vertically centred, shrunk or cut to fit `width`; in SVG
         *     templates they take the root element's `color`. Image slots keep the logo's aspect ratio.
         */
        CoBrandSlot: {
            /** @enum {string} */
            key: "logo" | "partner_name" | "contact_name" | "contact_email" | "contact_phone" | "website";
            /** @enum {string} */
            kind: "image" | "text";
            /** @description PDF page, 1-based. */
            page?: number;
            x: number;
            y: number;
            width: number;
            height: number;
            fontSize?: number;
            /** @enum {string} */
            align?: "start" | "middle" | "end";
        };
        CoBrandTemplate: {
            /** @enum {string} */
            format: "svg" | "pdf";
            width: number;
            height: number;
            slots: components["schemas"]["CoBrandSlot"][];
            /** @description For SVG templates, the template itself, for a live preview. */
            source?: string;
        };
        /** @description An asset with its co-brand template (every property of `Asset`, and `template`). */
        AssetDetail: {
            id: components["schemas"]["Id"];
            title: string;
            description: string;
            type: components["schemas"]["AssetType"];
            format: components["schemas"]["AssetFormat"];
            products: components["schemas"]["Id"][];
            language: components["schemas"]["LanguageTag"];
            audience: components["schemas"]["AssetAudience"];
            tags: string[];
            thumbnailUrl: string | null;
            /** @description Bytes. */
            size: number;
            coBrandable: boolean;
            publishedAt: components["schemas"]["Timestamp"];
            /** Format: date-time */
            expiresAt: string | null;
            downloadCount: number;
            /** @description The co-brand template of a co-brandable asset; `null` for the others. */
            template: components["schemas"]["CoBrandTemplate"] | null;
        };
        AssetPage: {
            items: components["schemas"]["Asset"][];
            nextCursor: string | null;
            /** @description How many assets match, over all pages. */
            total: number;
        };
        AssetDownloadInput: {
            /**
             * @description Fill the template's slots with the partner's details.
             * @default false
             */
            coBrand: boolean;
            /**
             * @description The format the partner takes the file in; absent, the asset's own `format`. A co-branded
             *     SVG template may also be taken as `png`: the client renders the PNG from the co-branded
             *     SVG (as its live preview shows it), and the download is recorded as a PNG; `url` then
             *     serves the co-branded SVG the PNG is rendered from. Any other format than the asset's
             *     own is refused with 422 `format_unavailable` (pointer `/format`), and nothing is recorded.
             */
            format?: components["schemas"]["AssetFormat"];
            /** @description Overrides of the partner's details for this download. */
            fields?: {
                partner_name?: string;
                contact_name?: string;
                contact_email?: string;
                contact_phone?: string;
                website?: string;
            };
        };
        AssetDownload: {
            id: components["schemas"]["Id"];
            assetId: components["schemas"]["Id"];
            /**
             * @description The format the download is recorded as: the asset's own, or `png` for a co-branded SVG
             *     template the client renders as PNG. `url`, `fileName` and `contentType` describe the
             *     file behind the link (for `png`, the co-branded SVG).
             */
            format: components["schemas"]["AssetFormat"];
            /** @description An absolute URL, valid until `expiresAt`, that needs no bearer token. */
            url: string;
            fileName: string;
            contentType: string;
            coBranded: boolean;
            expiresAt: components["schemas"]["Timestamp"];
        };
    };
    responses: {
        /** @description The request does not match the contract; `errors` names each bad field. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid token. */
        Unauthenticated: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role may not do this. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource visible to the caller. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The request conflicts with the current state: `deal_conflict` (with `conflict`),
         *     `invalid_state`, `already_extended`, `idempotency_in_progress`.
         */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description A business rule refuses the request (`exceeds_remaining`, `exceeds_approved`,
         *     `unknown_product`, `format_unavailable`, `idempotency_key_reused`, ...), with field errors
         *     where a field is at fault.
         */
        Unprocessable: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The link has expired. */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The database does not answer. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Any other error (429 rate limited, 5xx). */
        Error: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        PathId: components["schemas"]["Id"];
        /** @description The `nextCursor` of the previous page. */
        Cursor: string;
        /** @description Page size. */
        Limit: number;
        /** @description A unique key per intended write; a retry with the same key and body is applied once. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request, for support and logs. */
        RequestId: string;
        /** @description `true` when this is the stored response of an earlier request with the same key. */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its database answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionInput"];
            };
        };
        responses: {
            /** @description The session token. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    listProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every active product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Product"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    listDealRegistrations: {
        parameters: {
            query?: {
                /** @description Only these statuses (repeat the parameter for several). */
                status?: components["schemas"]["DealStatus"][];
                /** @description Vendor admins only; ignored for partners. */
                partnerId?: components["schemas"]["Id"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistrationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    registerDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealRegistrationInput"];
            };
        };
        responses: {
            /** @description The stored registration. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            default: components["responses"]["Error"];
        };
    };
    listDealFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fields, in display order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CustomField"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    checkDealConflict: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConflictCheckInput"];
            };
        };
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictCheckResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    getDealRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistration"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    requestDealExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionInput"];
            };
        };
        responses: {
            /** @description The registration with its new protection end. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    startDealReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DecisionNote"];
            };
        };
        responses: {
            /** @description The registration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistration"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    approveDealRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveDealInput"];
            };
        };
        responses: {
            /** @description The approved registration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    rejectDealRegistration: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectInput"];
            };
        };
        responses: {
            /** @description The rejected registration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    reportDealOutcome: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DealOutcomeInput"];
            };
        };
        responses: {
            /** @description The closed registration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealRegistration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listLearningPaths: {
        parameters: {
            query?: {
                /** @description Every path, not only those tailored to the caller. */
                all?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paths. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["LearningPath"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    listCourses: {
        parameters: {
            query?: {
                /** @description Only the courses of this learning path, in path order. */
                pathId?: components["schemas"]["Id"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoursePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    listEnrollments: {
        parameters: {
            query?: {
                scope?: "me" | "organization";
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Error"];
        };
    };
    enroll: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollmentInput"];
            };
        };
        responses: {
            /** @description The caller was already enrolled. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enrollment"];
                };
            };
            /** @description The new enrolment. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enrollment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    completeModule: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
                moduleId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The enrolment, and the certification if this completion granted one. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleCompletion"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    listCertifications: {
        parameters: {
            query?: {
                scope?: "me" | "organization";
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    listTiers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tiers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Tier"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    getTierProgress: {
        parameters: {
            query?: {
                /** @description Vendor admins only (required for them); partners always get their own. */
                partnerId?: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The progress, computed from the partner's own records. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierProgress"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    listMdfFunds: {
        parameters: {
            query?: {
                /** @description Vendor admins only; ignored for partners. */
                partnerId?: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The funds, current period first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MdfFund"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    createMdfFund: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MdfFundInput"];
            };
        };
        responses: {
            /** @description The fund. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfFund"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listMdfRequests: {
        parameters: {
            query?: {
                status?: components["schemas"]["MdfRequestStatus"][];
                fundId?: components["schemas"]["Id"];
                /** @description Vendor admins only; ignored for partners. */
                partnerId?: components["schemas"]["Id"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfRequestPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    createMdfRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MdfRequestInput"];
            };
        };
        responses: {
            /** @description The request. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            default: components["responses"]["Error"];
        };
    };
    getMdfRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfRequest"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    approveMdfRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveAmountInput"];
            };
        };
        responses: {
            /** @description The approved (or partially approved) request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            default: components["responses"]["Error"];
        };
    };
    rejectMdfRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectInput"];
            };
        };
        responses: {
            /** @description The rejected request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    createMdfClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MdfClaimInput"];
            };
        };
        responses: {
            /** @description The claim. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfClaim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            default: components["responses"]["Error"];
        };
    };
    approveMdfClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApproveAmountInput"];
            };
        };
        responses: {
            /** @description The approved claim. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfClaim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            default: components["responses"]["Error"];
        };
    };
    rejectMdfClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectInput"];
            };
        };
        responses: {
            /** @description The rejected claim. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfClaim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    payMdfClaim: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paid claim. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MdfClaim"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    listAssets: {
        parameters: {
            query?: {
                /** @description Words to find in title, description and tags. */
                q?: string;
                type?: components["schemas"]["AssetType"][];
                product?: components["schemas"]["Id"][];
                language?: components["schemas"]["LanguageTag"][];
                audience?: components["schemas"]["AssetAudience"][];
                coBrandable?: boolean;
                sort?: "relevance" | "newest" | "title" | "popular";
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            default: components["responses"]["Error"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetDetail"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    createAssetDownload: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per intended write; a retry with the same key and body is applied once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["PathId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AssetDownloadInput"];
            };
        };
        responses: {
            /** @description The download. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetDownload"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            default: components["responses"]["Error"];
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/svg+xml": string;
                    "image/png": string;
                    "image/jpeg": string;
                    "text/html": string;
                    "application/octet-stream": string;
                };
            };
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            default: components["responses"]["Error"];
        };
    };
}
