// Types of build-cli.mjs, for the TypeScript that imports it (bench/).
export declare const ROOT: string;
export declare const CLI_DIR: string;
export declare const CLI_MAIN: string;
export declare const CLI_INPUTS: string;
export declare function buildCli(): Promise<string>;
export declare function cliBundleStale(): boolean;
